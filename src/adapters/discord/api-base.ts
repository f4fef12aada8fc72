/**
 * Resolves DISCORD_API_URL into discord.js `rest.api`. Accepts the REST base itself
 * (`http://127.0.0.1:8080/api`, like Discord's `https://discord.com/api`) or a bare server
 * origin, to which `/api` is added. The gateway URL then comes from that server's
 * `GET /api/v10/gateway/bot`, so no separate WebSocket setting is needed.
 */
const DEFAULT_API = 'https://discord.com/api';

/** The value for discord.js `rest.api`. */
export function resolveApiBase(apiUrl: string | undefined): string {
  if (!apiUrl) return DEFAULT_API;
  const trimmed = apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
  return /\/api$/.test(trimmed) ? trimmed : `${trimmed}/api`;
}

/**
 * discord.js REST requests through Node's own fetch. Its default goes through its nested undici 6,
 * whose `request` hands a FormData body (file uploads: a reply's picture) to the process-wide
 * dispatcher — an undici 7 Agent once live sources load undici 7 — which cannot read it
 * ("action is not a function"). Node's fetch serialises the body itself, so uploads work either way.
 */
export const restViaFetch = (url: string, init: RequestInit) => fetch(url, init);
