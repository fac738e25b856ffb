import type { Diagnostic, Result } from './diagnostic.js';
import type { FilePort } from './filePort.js';
import { mergeScenario } from './merge.js';
import { hasPath, locate, parseYaml, type Path, type SourceDoc } from './parseYaml.js';
import { scenarioFileSchema, type ScenarioFile } from './schema.js';
import { zodDiagnostics } from './zodDiagnostics.js';

/** A scenario after `extends` has been followed and merged, still able to say where each value came from. */
export interface MergedScenario {
  /** The file (or name) the user gave. */
  readonly file: string;
  /** Its text, exactly as read. */
  readonly text: string;
  readonly data: ScenarioFile;
  /** The files of the chain, the user's first, then what it extends, and so on. */
  readonly sources: readonly SourceDoc[];
  /** For each merged event, the file and index it was written at. */
  readonly eventOrigins: readonly { readonly src: SourceDoc; readonly index: number }[];
}

/** Returns where a path of the merged scenario was written: the nearest file of the chain that writes it. */
export function locateMerged(m: MergedScenario, path: Path, which: 'key' | 'value' = 'value'): Diagnostic & { message: '' } {
  if (path[0] === 'events' && typeof path[1] === 'number' && m.eventOrigins[path[1]]) {
    const o = m.eventOrigins[path[1]];
    const pos = locate(o.src, ['events', o.index, ...path.slice(2)], which) ?? { line: 1, col: 1 };
    return { file: o.src.file, ...pos, message: '' };
  }
  for (let len = path.length; len >= 0; len--) {
    const prefix = path.slice(0, len);
    const src = m.sources.find((s) => hasPath(s, prefix));
    if (src) {
      const pos = locate(src, prefix, len === path.length ? which : 'key') ?? { line: 1, col: 1 };
      return { file: src.file, ...pos, message: '' };
    }
  }
  return { file: m.file, line: 1, col: 1, message: '' };
}

/** Parses one scenario text and checks its structure, without following `extends`. */
export function parseScenarioFile(text: string, file: string): Result<{ src: SourceDoc; data: ScenarioFile }> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const checked = scenarioFileSchema.safeParse(parsed.value.data);
  if (!checked.success) return { ok: false, errors: zodDiagnostics(checked.error.issues, parsed.value) };
  return { ok: true, value: { src: parsed.value, data: checked.data } };
}

/** The most files a chain of `extends` may hold, the user's file included: each may be as big as a file may be. */
export const MAX_EXTENDS_CHAIN = 16;

/**
 * Reads a scenario and everything it `extends` (through the port), checks each file's structure and merges
 * them; missing files and cycles are located at the `extends` line that names them.
 */
export function loadChain(file: string, text: string, port: FilePort | undefined): Result<MergedScenario> {
  const chain: { src: SourceDoc; data: ScenarioFile }[] = [];
  const seen: string[] = [];
  let current = { file, text };
  for (;;) {
    const parsed = parseScenarioFile(current.text, current.file);
    if (!parsed.ok) return parsed;
    chain.push(parsed.value);
    const target = parsed.value.data.extends;
    if (target === undefined) break;
    const at = (message: string): Result<MergedScenario> => {
      const pos = locate(parsed.value.src, ['extends']) ?? { line: 1, col: 1 };
      return { ok: false, errors: [{ file: current.file, ...pos, message }] };
    };
    if (!port) return at(`extends '${target}' cannot be followed here: this scenario was given as text; load it from a file`);
    if (chain.length >= MAX_EXTENDS_CHAIN) return at(`extends '${target}' would make a chain of over ${MAX_EXTENDS_CHAIN} files; expected a short chain (the shipped scenarios are 3 files deep)`);
    seen.push(port.identity(current.file));
    const next = port.resolve(current.file, target);
    if (seen.includes(port.identity(next))) {
      const names = [...chain.map((c) => c.src.file), next].join(' -> ');
      return at(`extends makes a cycle (${names}); a scenario cannot extend itself, directly or through others`);
    }
    const read = port.read(next);
    if (!read.ok) return at(`extends '${target}': ${read.message}; expected a scenario file (a path relative to this one)`);
    current = { file: next, text: read.text };
  }
  // Merge from the root ancestor down; remember where each event came from.
  let data: ScenarioFile = {};
  const eventOrigins: { src: SourceDoc; index: number }[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    data = mergeScenario(data, chain[i].data);
    (chain[i].data.events ?? []).forEach((_, index) => eventOrigins.push({ src: chain[i].src, index }));
  }
  if (chain.length > 1 && chain[0].data.name === undefined) data = { ...data, name: stem(file) };
  return { ok: true, value: { file, text, data, sources: chain.map((c) => c.src), eventOrigins } };
}

function stem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, '');
}
