/**
 * A problem found in a scenario, located in its file (line and column count from 1). A file that could not
 * be read at all has line and col 0, and its message says so (`cannot read FILE: why`): there is no place in
 * it to point at.
 */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Either a value or the located problems that stopped it: expected failures are values, not throws. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** Formats a diagnostic as `file:line:col: message`, the form editors and compilers use (an unreadable file: its message). */
export function formatDiagnostic(d: Diagnostic): string {
  return isUnreadable(d) ? d.message : `${d.file}:${d.line}:${d.col}: ${d.message}`;
}

/** Tells whether a diagnostic says a file could not be read at all (it has no line to point at). */
export function isUnreadable(d: Diagnostic): boolean {
  return d.line === 0;
}
