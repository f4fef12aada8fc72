/** Placeholder benchmark: ingest. */
export async function run(): Promise<void> {
  console.log('ingest: not implemented yet');
}
