/**
 * The fake platforms for the digest benchmark, in their own process (their own event loop and core)
 * so the sender's pauses cannot bunch arrivals in the fakes' rate-limit windows:
 * the Telegram emulator behind a proxy that enforces 30 sendMessage/s (sliding second, 429 beyond),
 * and the fake Discord with its global 50 requests/s limit. Prints one JSON line with the URLs;
 * GET <proxy>/__stats answers the counts; SIGTERM stops everything.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTelegramHarness } from '../../test/helpers/telegram-harness.ts';
import { startFakeDiscord } from '../../test/helpers/fake-discord.ts';

const [tgLimit, dcLimit] = process.argv.slice(2).map(Number);
const tg = await startTelegramHarness();
// FAKE_DISCORD_SHARDS: the cluster benchmark's gateway process holds 2 shards.
const dc = await startFakeDiscord({ token: 'bench-discord-token', globalRateLimitPerSec: dcLimit, shardCount: Number(process.env.FAKE_DISCORD_SHARDS || 1) });
const up = new URL(tg.apiRoot);
const stamps: number[] = [];
const tgOk: number[] = [];
/** Accepted sendMessage calls per chat id (the cluster benchmark checks each digest arrived once). */
const tgChats = new Map<string, number>();
let tgRejected = 0;

const server: Server = createServer((req, res) => {
  if (req.url === '/__stats') {
    const dcOk = dc.requests.filter((r) => r.method === 'POST' && r.status === 200 && /^\/channels\/\d+\/messages$/.test(r.path)).length;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ tgOk: tgOk.length, tgFirst: tgOk[0] ?? 0, tgLast: tgOk[tgOk.length - 1] ?? 0, tg429: tgRejected, dcOk, dc429: dc.rateLimited, dcTimes: dcTimes() }));
    return;
  }
  if (req.url === '/__chats') {
    const dcChats: Record<string, number> = {};
    for (const m of dc.messages) dcChats[m.channelId] = (dcChats[m.channelId] ?? 0) + 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ telegram: Object.fromEntries(tgChats), discord: dcChats, tgFirst: tgOk[0] ?? 0, tgLast: tgOk[tgOk.length - 1] ?? 0, dc: dcTimes() }));
    return;
  }
  if (req.url === '/__reset') {
    tgOk.length = 0;
    tgChats.clear();
    tgRejected = 0;
    dc.rateLimited = 0;
    dc.requests.length = 0;
    dc.messages.length = 0;
    dcStamps.length = 0;
    seen = 0;
    res.end('{}');
    return;
  }
  if (/\/sendMessage$/.test(req.url ?? '')) {
    const now = Date.now();
    while (stamps.length && now - stamps[0] >= 1000) stamps.shift();
    if (stamps.length >= tgLimit) {
      tgRejected++;
      if (process.argv[4]) process.stderr.write(`429 at +${now - (tgOk[0] ?? now)} ms, window ${stamps.length}, first ${now - stamps[0]} ms ago\n`);
      req.resume();
      res.writeHead(429, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }));
      return;
    }
    stamps.push(now);
    tgOk.push(now);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        const chat = String(JSON.parse(body.toString('utf8')).chat_id);
        tgChats.set(chat, (tgChats.get(chat) ?? 0) + 1);
      } catch {
        // not JSON: counted in the totals only
      }
      forward(req, res, body);
    });
    return;
  }
  forward(req, res);
});

function forward(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body?: Buffer): void {
  const p = request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
    res.writeHead(r.statusCode ?? 502, r.headers);
    r.pipe(res);
  });
  p.on('error', () => res.destroy());
  if (body) p.end(body);
  else req.pipe(p);
}
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

// Arrival times of accepted Discord message posts, for the throughput figure.
const dcStamps: number[] = [];
let seen = 0;
const dcTimes = () => {
  const posts = dc.requests.filter((r) => r.method === 'POST' && r.status === 200 && /^\/channels\/\d+\/messages$/.test(r.path));
  return { first: dcStamps[0] ?? 0, last: dcStamps[dcStamps.length - 1] ?? 0, n: posts.length };
};
setInterval(() => {
  const posts = dc.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
  for (; seen < posts.length; seen++) if (posts[seen].status === 200) dcStamps.push(Date.now());
  if (seen > posts.length) seen = posts.length;
}, 5).unref();

process.stdout.write(JSON.stringify({ telegram: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, telegramToken: tg.token, discord: dc.apiUrl, discordAppId: dc.appId }) + '\n');
process.on('SIGTERM', async () => {
  server.closeAllConnections();
  server.close();
  await tg.close();
  await dc.stop();
  process.exit(0);
});
