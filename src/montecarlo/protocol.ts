import type { ChunkResult, SummaryMode } from './chunkResult.js';
import type { CompareChunkResult, ComparePlan } from './runCompareChunk.js';

// Workers compile the scenario from the texts the main thread read, never from disk.
import type { DesignPlan } from '../design/designPlan.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { SourceText } from '../scenario/memoryFilePort.js';

/** What every request to a worker carries: the scenario, as the texts the main thread read, and the seed. */
interface ScenarioTask {
  /** Identifies the scenario, so a worker compiles it once for all its tasks. */
  readonly key: string;
  readonly entry: string;
  readonly sources: readonly SourceText[];
  /**
   * The compiled scenario itself, for a runner in this thread, which then need not compile the texts again.
   * Never sent to a worker (it holds compiled expressions, which cannot be copied): `forWorker` drops it.
   */
  readonly local?: CompiledScenario;
  readonly seed: number;
}

/** A request to a worker: simulate runs [first, first + count) of a scenario. */
export interface ChunkRequest extends ScenarioTask {
  readonly type: 'chunk';
  readonly first: number;
  readonly count: number;
  readonly mode: SummaryMode;
  /** The sampling design of the uncertain parameters; plain Monte Carlo without one. */
  readonly design?: DesignPlan;
}

/**
 * A request to a worker: run the model at a batch of sensitivity points (see `evaluatePoints`) and return the
 * metric in the year at each, in order.
 */
export interface PointsRequest extends ScenarioTask {
  readonly type: 'points';
  /** The names of the parameters varied, in the order of each point's quantiles. */
  readonly factors: readonly string[];
  readonly metric: string;
  readonly year: number;
  readonly u: Float64Array;
  readonly runs: Float64Array;
  /** The policy scenario whose difference from the scenario is explained, if any (`SensitivityProblem.versus`). */
  readonly versus?: ShippedScenario;
}

/** A request to a worker: simulate runs [first, first + count) and return only the given cells of each (see `simulateCells`). */
export interface CellsRequest extends Omit<ChunkRequest, 'type' | 'mode'> {
  readonly type: 'cells';
  readonly cells: Int32Array;
  /** Also send back these parameters' drawn values, run after run (a run table's parameter columns). */
  readonly parameters?: readonly string[];
}

/** A scenario as a worker compiles it: its texts, and a key to cache it by (and, in this thread, itself). */
export type ShippedScenario = Pick<ScenarioTask, 'key' | 'entry' | 'sources' | 'local'>;

/**
 * A request to a worker: simulate runs [first, first + count) of a baseline and its alternatives on common
 * random numbers, and return each one's chunk and the differences (see `runCompareChunk`).
 */
export interface CompareRequest {
  readonly type: 'compare';
  /** Baseline first. */
  readonly scenarios: readonly ShippedScenario[];
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly plan: ComparePlan;
  /** The sampling design of the uncertain parameters, the same for every scenario; plain Monte Carlo without one. */
  readonly design?: DesignPlan;
}

/** A worker's answer: the chunk's, the points', the cells' or the comparison's results, or a value that left its legal range (a scenario error). */
export type ChunkReply =
  | ChunkResult
  | { readonly type: 'points'; readonly values: Float64Array }
  /** `parameters`: the drawn values asked for, `[run][k]`, when the request named some. */
  | { readonly type: 'cells'; readonly values: Float64Array; readonly parameters?: Float64Array }
  | CompareChunkResult
  /** `scenario`: in a comparison, the index of the scenario whose value left its range. */
  | { readonly type: 'rangeError'; readonly path: readonly (string | number)[]; readonly detail: string; readonly scenario?: number }
  | { readonly type: 'failure'; readonly message: string };

/** Every request a runner hands out: the unit of work of runs, cells, sensitivity points and comparisons. */
export type WorkRequest = ChunkRequest | PointsRequest | CellsRequest | CompareRequest;

/** A worker's answer other than an error: what a job receives for each of its tasks. */
export type WorkReply = Exclude<ChunkReply, { type: 'rangeError' | 'failure' }>;

// Drops the compiled scenario a request carries for this thread: a worker compiles the texts instead.
function shipped(s: ShippedScenario): ShippedScenario {
  const { local: _, ...rest } = s;
  return rest;
}

/** The request as it crosses to a worker thread: every scenario in it as texts alone. */
export function forWorker(req: WorkRequest): WorkRequest {
  const { local: _, ...rest } = req as WorkRequest & { local?: CompiledScenario };
  if (rest.type === 'compare') return { ...rest, scenarios: rest.scenarios.map(shipped) };
  if (rest.type === 'points' && rest.versus !== undefined) return { ...rest, versus: shipped(rest.versus) };
  return rest as WorkRequest;
}
