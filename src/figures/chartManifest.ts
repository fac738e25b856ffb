import { VERSION } from '../version.js';

/** What a chart's caption says of where its numbers come from: enough to make them again. */
export interface ChartManifest {
  /** Each scenario's name and the file it was read from, the baseline first. */
  readonly scenarios: readonly { readonly name: string; readonly file: string; readonly sha256?: string }[];
  readonly runs: number;
  /** What `runs` counts (default: runs per scenario; a tornado's are runs per bar). */
  readonly runsOf?: string;
  readonly seed: number;
  readonly design?: string;
  /** The brigadas version; this one when not given. */
  readonly version?: string;
}

/** The caption's lines: the scenarios, then the runs, seed, design and version (how to make the figure again). */
export function captionLines(m: ChartManifest): string[] {
  const names = m.scenarios.map((s) => `${s.name} (${s.file}${s.sha256 === undefined ? '' : `, sha256 ${s.sha256.slice(0, 12)}`})`);
  const runs = `${m.runs.toLocaleString('en-US')} ${m.runsOf ?? 'runs per scenario'}, seed ${m.seed}, design ${m.design ?? 'mc'}, brigadas ${m.version ?? VERSION}`;
  return [...names.map((n, i) => (i === 0 ? `Scenario: ${n}` : `Against: ${n}`)), runs];
}
