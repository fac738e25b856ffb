// The worker-thread entry of the Monte Carlo pool: compiles the scenario it is sent (once) and simulates
// chunks of runs. Results move back to the main thread without copying.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { CompiledScenario } from '../scenario/compiled.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { encodeChunk, type ChunkResult } from './chunkResult.js';
import type { ChunkReply, ChunkRequest } from './protocol.js';
import { runChunk } from './runChunk.js';

let cached: { key: string; scenario: CompiledScenario } | undefined;

function compiled(req: ChunkRequest): CompiledScenario {
  if (cached?.key === req.key) return cached.scenario;
  const entry = req.sources.find((s) => s.file === req.entry);
  const result = parseScenario(entry?.text ?? '', req.entry, memoryFilePort(req.sources));
  if (!result.ok) throw new Error(`the scenario did not compile in a worker: ${result.errors[0]?.message}`);
  cached = { key: req.key, scenario: result.value };
  return result.value;
}

function transferables(r: ChunkResult): ArrayBuffer[] {
  const buffers = r.type === 'values' ? [r.values.buffer] : [r.keys.buffer, r.sums.buffer, r.extremes.buffer];
  return buffers as ArrayBuffer[];
}

/** Simulates one chunk of runs for the pool. */
export default function simulateChunk(req: ChunkRequest): unknown {
  let reply: ChunkReply;
  try {
    const c = compiled(req);
    const values = runChunk(c, req.seed, req.first, req.count);
    reply = encodeChunk(values, req.first, req.count, c.layout.metrics.length * c.years.length, req.mode);
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
