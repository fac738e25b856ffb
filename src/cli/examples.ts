/** The `Examples:` lines shown after a command's help, each a brigadas command line. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ brigadas ${l}`).join('\n')}`;
}
