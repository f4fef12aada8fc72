/** `newsbot start`. Placeholder until its issue lands. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('newsbot start: not implemented yet\n');
  return 2;
}
