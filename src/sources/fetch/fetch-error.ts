/** Why a fetch failed, in one line, with what the scheduler needs (HTTP status, Retry-After). */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status: number | null = null,
    /** When the server asked us to come back (Retry-After on 429/503), epoch ms. */
    readonly retryAt: number | null = null,
    /** True when retrying later cannot help (blocked address, bad scheme, too large). */
    readonly permanent = false,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'FetchError';
  }
}
