// The worker-thread entry of the Monte Carlo pool: compiles the scenarios it is sent (once each) and
// simulates chunks of runs. Results move back to the main thread without copying.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { CompiledScenario } from '../scenario/compiled.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { encodeChunk } from './chunkResult.js';
import { evaluatePoints } from './evaluatePoints.js';
import type { CellsRequest, ChunkReply, ChunkRequest, CompareRequest, PointsRequest, ShippedScenario } from './protocol.js';
import { runChunk } from './runChunk.js';
import { runCompareChunk } from './runCompareChunk.js';
import { ScenarioRangeError } from './scenarioRangeError.js';
import { simulateCells } from './simulateCells.js';

// Compiled scenarios by key. A comparison needs all of its scenarios for every chunk, so the cache keeps at
// least the last request's; beyond that only a few, as the dashboard sends a new scenario with every edit.
const cache = new Map<string, CompiledScenario>();
const CACHE_LIMIT = 4;

function compile(s: ShippedScenario): CompiledScenario {
  const hit = cache.get(s.key);
  if (hit !== undefined) {
    // Most recently used last: eviction takes the first.
    cache.delete(s.key);
    cache.set(s.key, hit);
    return hit;
  }
  const entry = s.sources.find((x) => x.file === s.entry);
  const result = parseScenario(entry?.text ?? '', s.entry, memoryFilePort(s.sources));
  if (!result.ok) throw new Error(`the scenario did not compile in a worker: ${result.errors[0]?.message}`);
  cache.set(s.key, result.value);
  return result.value;
}

function compiled(shipped: readonly ShippedScenario[]): CompiledScenario[] {
  const out = shipped.map(compile);
  for (const key of cache.keys()) {
    if (cache.size <= Math.max(CACHE_LIMIT, shipped.length)) break;
    cache.delete(key);
  }
  return out;
}

function transferables(r: ChunkReply): ArrayBuffer[] {
  if (r.type === 'values') return [r.values.buffer as ArrayBuffer];
  if (r.type === 'points' || r.type === 'cells') return [r.values.buffer as ArrayBuffer];
  if (r.type === 'sketch') return [r.keys.buffer, r.sums.buffer, r.extremes.buffer] as ArrayBuffer[];
  if (r.type === 'compare') {
    return [
      ...r.scenarios.flatMap(transferables),
      ...r.differences.flatMap((d) => (d === null ? [] : [...transferables(d.chunk), d.counted.buffer as ArrayBuffer, d.positive.buffer as ArrayBuffer])),
    ];
  }
  return [];
}

type Request = ChunkRequest | PointsRequest | CellsRequest | CompareRequest;

function work(req: Request): ChunkReply {
  if (req.type === 'compare') return runCompareChunk(compiled(req.scenarios), req.seed, req.first, req.count, req.plan);
  const [c] = compiled([req]);
  if (req.type === 'cells') return { type: 'cells', values: simulateCells(c, req.seed, req.first, req.count, req.cells) };
  if (req.type === 'points') {
    const factors = req.factors.map((name) => {
      const p = c.parameters.find((x) => x.name === name);
      if (!p) throw new Error(`no parameter '${name}' in the scenario a worker compiled`);
      return p;
    });
    const versus = req.versus === undefined ? undefined : compile(req.versus);
    const problem = { scenario: c, factors, seed: req.seed, metric: req.metric, year: req.year, versus };
    return { type: 'points', values: evaluatePoints(problem, { u: req.u, runs: req.runs }) };
  }
  const values = runChunk(c, req.seed, req.first, req.count);
  return encodeChunk(values, req.first, req.count, c.layout.metrics.length * c.years.length, req.mode);
}

/** Simulates one chunk of runs (all their cells or some, of one scenario or of a comparison), or one batch of sensitivity points, for the pool. */
export default function simulateChunk(req: Request): unknown {
  let reply: ChunkReply;
  try {
    reply = work(req);
  } catch (e) {
    if (e instanceof ScenarioRangeError) return { type: 'rangeError', path: [...e.path], detail: e.detail, scenario: e.scenario } satisfies ChunkReply;
    if (e instanceof ValueRangeError) return { type: 'rangeError', path: [...e.path], detail: e.detail } satisfies ChunkReply;
    return { type: 'failure', message: e instanceof Error ? e.message : String(e) } satisfies ChunkReply;
  }
  const result = reply;
  return move({
    get [transferableSymbol]() {
      return transferables(result);
    },
    get [valueSymbol]() {
      return result;
    },
  } as never);
}
