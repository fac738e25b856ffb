/** A problem found in a scenario, located in its file (line and column count from 1). */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Either a value or the located problems that stopped it: expected failures are values, not throws. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** Formats a diagnostic as `file:line:col: message`, the form editors and compilers use. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.message}`;
}
