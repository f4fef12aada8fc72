/**
 * What a `--db` / NEWSBOT_DATABASE_URL target is, and how to print it. Kept free of any driver
 * import so the configuration and the CLI can use it without loading a database library.
 */

/** True for a `postgres://` or `postgresql://` URL (PostgreSQL); anything else is a SQLite file path. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * The target as it may be printed: a URL's password is replaced by `***` (also `password=` in its
 * query string). A SQLite path is returned unchanged.
 */
export function redactDbUrl(target: string): string {
  if (!isPostgresUrl(target)) return target;
  let out = target.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*:)[^@/?#]*@/i, '$1***@');
  out = out.replace(/([?&]password=)[^&#]*/gi, '$1***');
  return out;
}

/** The password of a PostgreSQL URL (decoded), to register with the logger's redaction; undefined when none. */
export function dbUrlPassword(target: string): string | undefined {
  if (!isPostgresUrl(target)) return undefined;
  try {
    const u = new URL(target);
    const p = u.password ? decodeURIComponent(u.password) : u.searchParams.get('password');
    return p || undefined;
  } catch {
    return undefined;
  }
}
