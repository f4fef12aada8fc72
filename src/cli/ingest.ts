/** `newsbot ingest`. Placeholder until its issue lands. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('newsbot ingest: not implemented yet\n');
  return 2;
}
