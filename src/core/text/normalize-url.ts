/**
 * A comparison key for article URLs, so the same article reached through two feeds (one with
 * utm_* tracking, one over http) dedupes. Only for comparing: links shown to users keep their form.
 */

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|ref_src|ref_url|_ga|_gl|spm|cmpid|ocid|at_medium|at_campaign|at_custom\d*|guccounter|guce_referrer|guce_referrer_sig)$/i;

/**
 * Lower-cased host without `www.` and default ports, no scheme distinction (http ≡ https), no
 * fragment, no tracking parameters, remaining parameters sorted, no trailing slash.
 * Returns null for anything that is not an http(s) URL.
 */
export function normalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  let path = u.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/') path = '';
  return `${host}${port}${path}${query}`;
}
