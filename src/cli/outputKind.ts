import { basename, extname } from 'node:path';

/** What a command writes to --out; it decides which file names suit the output. */
export type OutputKind = 'table' | 'json' | 'csv' | 'yaml' | 'parquet' | 'svg' | 'png' | 'html';

/** The --format values of the commands that print a table, JSON or CSV. */
export type OutputFormat = 'table' | 'json' | 'csv';

const KIND_OF_EXTENSION: Readonly<Record<string, OutputKind>> = { '.json': 'json', '.csv': 'csv', '.txt': 'table', '.yaml': 'yaml', '.yml': 'yaml', '.parquet': 'parquet', '.svg': 'svg', '.png': 'png', '.html': 'html', '.htm': 'html' };

const LABEL: Readonly<Record<OutputKind, string>> = { table: 'a table', json: 'JSON', csv: 'CSV', yaml: 'a scenario (YAML)', parquet: 'a Parquet file', svg: 'an SVG chart', png: 'a PNG image', html: 'an HTML report' };

const SUITABLE: Readonly<Record<OutputKind, string>> = { table: '.txt (or no extension)', json: '.json', csv: '.csv', yaml: '.yaml or .yml', parquet: '.parquet', svg: '.svg', png: '.png', html: '.html' };

/** The kind of output a file name says it holds, by its extension (any case); undefined for other extensions and none. */
export function kindOfName(name: string): OutputKind | undefined {
  return KIND_OF_EXTENSION[extname(name).toLowerCase()];
}

/** The format a file name implies when --format is not given: `.json` JSON, `.csv` CSV, any other name the table. */
export function formatOfName(name: string): OutputFormat {
  const kind = kindOfName(name);
  return kind === 'json' || kind === 'csv' ? kind : 'table';
}

// A table suits `.txt` or a name with no dot at all (`report`); a dotfile such as `.profile` is not "no
// extension": it is somebody's configuration.
function suits(name: string, kind: OutputKind): boolean {
  if (kind === 'table' && !basename(name).includes('.')) return true;
  return kindOfName(name) === kind;
}

/**
 * Why a file of this name should not receive this kind of output unless --force is given, or undefined
 * when it may: a name that says another kind (CSV into `x.json`, a table into `x.yaml`), or an existing
 * file whose name does not say it holds this kind (only such a file may be replaced).
 */
export function nameProblem(name: string, kind: OutputKind, exists: boolean): string | undefined {
  const said = kindOfName(name);
  if (said !== undefined && said !== kind) {
    return `the output is ${LABEL[kind]} but the name says ${LABEL[said]}; use a name ending in ${SUITABLE[kind]}, or add --force`;
  }
  if (exists && !suits(name, kind)) {
    return `it exists and its name does not say it holds ${LABEL[kind]} (${SUITABLE[kind]}); choose another name, or add --force to replace it`;
  }
  return undefined;
}
