/**
 * Which resolved addresses outgoing requests may reach: public unicast only. Refuses loopback,
 * private, link-local, CGNAT, multicast, unspecified, documentation, benchmark and reserved
 * ranges, and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are judged by that address.
 */
import { isIP } from 'node:net';

type Range = [number, number]; // inclusive, as 32-bit unsigned

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function cidr4(base: string, bits: number): Range {
  const start = v4ToInt(base);
  const size = 2 ** (32 - bits);
  return [start, start + size - 1];
}

const BLOCKED_V4: [Range, string][] = [
  [cidr4('0.0.0.0', 8), 'unspecified/"this network"'],
  [cidr4('10.0.0.0', 8), 'private'],
  [cidr4('100.64.0.0', 10), 'carrier-grade NAT'],
  [cidr4('127.0.0.0', 8), 'loopback'],
  [cidr4('169.254.0.0', 16), 'link-local'],
  [cidr4('172.16.0.0', 12), 'private'],
  [cidr4('192.0.0.0', 24), 'IETF protocol assignments'],
  [cidr4('192.0.2.0', 24), 'documentation'],
  [cidr4('192.88.99.0', 24), '6to4 relay'],
  [cidr4('192.168.0.0', 16), 'private'],
  [cidr4('198.18.0.0', 15), 'benchmarking'],
  [cidr4('198.51.100.0', 24), 'documentation'],
  [cidr4('203.0.113.0', 24), 'documentation'],
  [cidr4('224.0.0.0', 4), 'multicast'],
  [cidr4('240.0.0.0', 4), 'reserved/broadcast'],
];

function classifyV4(ip: string): string | null {
  const n = v4ToInt(ip);
  for (const [[lo, hi], why] of BLOCKED_V4) if (n >= lo && n <= hi) return why;
  return null;
}

/** Expands an IPv6 literal to eight 16-bit groups (handles `::` and a trailing dotted IPv4). */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().split('%')[0];
  const dotted = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const n = v4ToInt(dotted[1]);
    s = s.slice(0, -dotted[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':').filter(Boolean) : [];
  const t = tail ? tail.split(':').filter(Boolean) : [];
  const zeros = tail === undefined ? [] : new Array(8 - h.length - t.length).fill('0');
  return [...h, ...zeros, ...t].map((g) => parseInt(g, 16));
}

function embeddedV4(g: number[], from: number): string {
  return [g[from] >> 8, g[from] & 255, g[from + 1] >> 8, g[from + 1] & 255].join('.');
}

function classifyV6(ip: string): string | null {
  const g = v6Groups(ip);
  if (g.length !== 8 || g.some((x) => Number.isNaN(x))) return 'malformed IPv6';
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): judge the IPv4 inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return classifyV4(embeddedV4(g, 6)) ?? (g[5] === 0 ? 'IPv4-compatible' : null);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(embeddedV4(g, 6));
  if (g[0] === 0x2002) return classifyV4(embeddedV4(g, 1)) ?? null; // 6to4
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard-only';
  return null;
}

/** Null when `ip` is a public unicast address; otherwise why it is refused (e.g. "loopback"). */
export function classifyAddress(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) return classifyV4(ip);
  if (family === 6) return classifyV6(ip);
  return 'not an IP address';
}
