// The worker-thread entry of the Monte Carlo pool: compiles the scenario it is sent (once) and simulates
// chunks of runs. Results move back to the main thread without copying.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { CompiledScenario } from '../scenario/compiled.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { encodeChunk } from './chunkResult.js';
import { evaluatePoints } from './evaluatePoints.js';
import type { CellsRequest, ChunkReply, ChunkRequest, PointsRequest } from './protocol.js';
import { runChunk } from './runChunk.js';
import { simulateCells } from './simulateCells.js';

// The scenarios compiled so far, by key: a task names one, or two for the sensitivity of a policy's effect.
// Kept to the last few, so a long-lived pool does not collect every scenario it was ever sent.
const cached = new Map<string, CompiledScenario>();
const CACHE_SIZE = 4;

function compiled(req: { readonly key: string; readonly entry: string; readonly sources: PointsRequest['sources'] }): CompiledScenario {
  const hit = cached.get(req.key);
  if (hit !== undefined) return hit;
  const entry = req.sources.find((s) => s.file === req.entry);
  const result = parseScenario(entry?.text ?? '', req.entry, memoryFilePort(req.sources));
  if (!result.ok) throw new Error(`the scenario did not compile in a worker: ${result.errors[0]?.message}`);
  if (cached.size >= CACHE_SIZE) cached.delete(cached.keys().next().value as string);
  cached.set(req.key, result.value);
  return result.value;
}

function transferables(r: ChunkReply): ArrayBuffer[] {
  if (r.type === 'values') return [r.values.buffer as ArrayBuffer];
  if (r.type === 'points' || r.type === 'cells') return [r.values.buffer as ArrayBuffer];
  if (r.type === 'sketch') return [r.keys.buffer, r.sums.buffer, r.extremes.buffer] as ArrayBuffer[];
  return [];
}

function work(req: ChunkRequest | PointsRequest | CellsRequest): ChunkReply {
  const c = compiled(req);
  if (req.type === 'cells') return { type: 'cells', values: simulateCells(c, req.seed, req.first, req.count, req.cells) };
  if (req.type === 'points') {
    const factors = req.factors.map((name) => {
      const p = c.parameters.find((x) => x.name === name);
      if (!p) throw new Error(`no parameter '${name}' in the scenario a worker compiled`);
      return p;
    });
    const versus = req.versus === undefined ? undefined : compiled(req.versus);
    const problem = { scenario: c, factors, seed: req.seed, metric: req.metric, year: req.year, versus };
    return { type: 'points', values: evaluatePoints(problem, { u: req.u, runs: req.runs }) };
  }
  const values = runChunk(c, req.seed, req.first, req.count);
  return encodeChunk(values, req.first, req.count, c.layout.metrics.length * c.years.length, req.mode);
}

/** Simulates one chunk of runs (all their cells or some), or one batch of sensitivity points, for the pool. */
export default function simulateChunk(req: ChunkRequest | PointsRequest | CellsRequest): unknown {
  let reply: ChunkReply;
  try {
    reply = work(req);
  } catch (e) {
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
