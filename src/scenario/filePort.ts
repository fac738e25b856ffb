/**
 * What reading a scenario file gave: its text, or why there is none, as a sentence that names the file
 * (`cannot read nosuch.yaml: no such file`).
 */
export type ReadOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * The scenario loader's only door to files: the CLI passes one backed by the file system, tests pass one
 * backed by a plain object, so loading and `extends` stay pure functions.
 */
export interface FilePort {
  /** Reads a file as UTF-8 text. */
  read(path: string): ReadOutcome;
  /** Resolves `target` relative to the folder of the file `from`. */
  resolve(from: string, target: string): string;
  /** A stable identity of a path, to detect `extends` cycles (an absolute path). */
  identity(path: string): string;
}
