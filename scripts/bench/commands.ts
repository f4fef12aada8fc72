/** Placeholder benchmark: commands. */
export async function run(): Promise<void> {
  console.log('commands: not implemented yet');
}
