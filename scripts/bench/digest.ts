/** Placeholder benchmark: digest. */
export async function run(): Promise<void> {
  console.log('digest: not implemented yet');
}
