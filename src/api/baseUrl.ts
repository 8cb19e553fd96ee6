// Where the key may be sent. No `vscode` import, so it is tested in plain Node.

/** Loopback hosts: the whole of 127.0.0.0/8, `localhost` and `[::1]`. Traffic to them never leaves the machine. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Why `value` cannot be the API base URL, or undefined when it can: https anywhere, http on loopback only. */
export function apiBaseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL.`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopback(url.hostname)
      ? undefined
      : `plain http: is allowed only for loopback hosts (localhost, 127.0.0.1, [::1]), not ${url.hostname}: your API key would travel unencrypted.`;
  }
  return `${url.protocol} is not supported; use https:.`;
}
