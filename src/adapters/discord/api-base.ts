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
