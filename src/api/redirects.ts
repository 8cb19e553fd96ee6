// Which redirects a request follows. fetch would follow any, and carry `x-api-key` to whatever host a
// server names (fetch drops only `authorization` and cookies on a cross-origin hop), so the core asks fetch
// never to follow and decides here: on the API's own origin, a GET may follow a few hops; a GET of content
// (a version's archive, a run's file, which may well live at a signed storage address) may go to another
// host over https, without the key; everything else is refused, naming where it pointed.
import * as l10n from '@vscode/l10n';

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface Hop {
  method: string;
  /** The request is a download of content, not an API call. */
  content: boolean;
  /** The origin the key belongs to: the base URL's. */
  apiOrigin: string;
  from: URL;
  location: string | null;
  /** Redirects followed so far. */
  hops: number;
  /** The hop that answered was sent with the key (false once a hop left the API's origin). */
  withKey: boolean;
}

export type HopDecision = { follow: URL; withKey: boolean } | { refused: string; origin: string };

/** An answer that asks to be sent elsewhere (an opaque one from a fetch that hides it included). */
export function isRedirect(res: Pick<Response, 'status' | 'type'>): boolean {
  return res.type === 'opaqueredirect' || REDIRECT_STATUSES.has(res.status);
}

export function nextHop(hop: Hop): HopDecision {
  let target: URL | undefined;
  try {
    target = hop.location ? new URL(hop.location, hop.from) : undefined;
  } catch {
    target = undefined;
  }
  const origin = target?.origin ?? l10n.t('an address that is not a URL');
  const refuse = (why: string): HopDecision => ({ refused: why, origin });
  if (hop.method !== 'GET' && hop.method !== 'HEAD') {
    return refuse(l10n.t('a {0} is never sent again, to any address', hop.method));
  }
  if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    return refuse(l10n.t('it names no web address'));
  }
  if (hop.hops >= MAX_REDIRECTS) return refuse(l10n.t('it was the redirect after {0}', MAX_REDIRECTS));
  if (target.origin === hop.apiOrigin && hop.withKey) return { follow: target, withKey: true };
  if (!hop.content)
    return refuse(l10n.t("only the API's own address is trusted with your key, and this is no download"));
  if (target.protocol !== 'https:') return refuse(l10n.t('a download is followed to another host over https only'));
  return { follow: target, withKey: false };
}
