/**
 * A DNS lookup for undici's connector that refuses non-public addresses. It validates every
 * address the name resolves to, at connect time, so DNS rebinding between a check and the
 * connection cannot slip a private address through.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { classifyAddress } from './address-policy.ts';

type Callback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Error code carried by refusals, so callers can tell them from ordinary network errors. */
export const BLOCKED_CODE = 'ENEWSBOT_BLOCKED_ADDRESS';

/** Makes the error thrown when `host` resolves to a refused address. */
export function blockedAddressError(host: string, address: string, why: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`${host} resolves to ${address} (${why}); private networks are not allowed (NEWSBOT_ALLOW_PRIVATE_NETWORKS=1 allows them)`);
  err.code = BLOCKED_CODE;
  return err;
}

/** Resolves a host name to all its addresses (node:dns lookup by default; tests pass their own). */
export type Resolver = (hostname: string, options: LookupOptions & { all: true }, cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** Decides whether an address may be reached: null when allowed, else the reason. */
export type AddressPolicy = (ip: string) => string | null;

/**
 * A net.connect-compatible lookup that fails when any resolved address is refused by `policy`
 * (public unicast only, by default).
 */
export function createGuardedLookup(policy: AddressPolicy = classifyAddress, resolver: Resolver = dnsLookup as unknown as Resolver) {
  return (hostname: string, options: LookupOptions | number | undefined, callback: Callback): void => guarded(policy, resolver, hostname, options, callback);
}

function guarded(policy: AddressPolicy, resolver: Resolver, hostname: string, options: LookupOptions | number | undefined, callback: Callback): void {
  const opts: LookupOptions = typeof options === 'number' ? { family: options } : { ...(options ?? {}) };
  const wantAll = opts.all === true;
  resolver(hostname, { ...opts, all: true }, (err, addresses) => {
    if (err) return callback(err, wantAll ? [] : '');
    const list = addresses as LookupAddress[];
    if (list.length === 0) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), wantAll ? [] : '');
    for (const a of list) {
      const why = policy(a.address);
      if (why) return callback(blockedAddressError(hostname, a.address, why), wantAll ? [] : '');
    }
    if (wantAll) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  });
}
