import * as l10n from '@vscode/l10n';
// Where the key may be sent. No `vscode` import, so it is tested in plain Node.

/**
 * The hosts VS Code never sends through `http.proxy` (`@vscode/proxy-agent` exempts exactly these): only
 * for them does plain http keep the key on this machine. Other loopback addresses such as 127.0.0.2 go to
 * the proxy like any host, and the key with them, in clear text.
 */
const UNPROXIED_LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why `value` cannot be the API base URL, or undefined when it can: https anywhere, http only to the
 * unproxied loopback hosts; never user info (it would end up in error texts and the log), a query or a
 * fragment (the request paths are appended to it). The value itself is not repeated: it may hold a secret.
 */
export function apiBaseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return l10n.t('it is not a URL such as https://api.anthropic.com.');
  }
  if (url.username || url.password) {
    return l10n.t('it holds a user name or password (user:pass@): remove them; the API key is sent in a header.');
  }
  if (url.search || value.includes('?')) return l10n.t('it holds a query (?…): give the base URL alone.');
  if (url.hash || value.includes('#')) return l10n.t('it holds a fragment (#…): give the base URL alone.');
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return UNPROXIED_LOOPBACK.has(url.hostname)
      ? undefined
      : l10n.t(
          'plain http: is allowed only for localhost, 127.0.0.1 and [::1], not {0}: your API key would travel unencrypted (VS Code sends every other host, other loopback addresses too, through http.proxy).',
          url.hostname,
        );
  }
  return l10n.t('{0} is not supported; use https:.', url.protocol);
}
