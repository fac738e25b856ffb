import type { CompiledScenario } from '../scenario/compiled.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import { ValueRangeError } from '../scenario/resolveRun.js';
import { encodeChunk } from './chunkResult.js';
import { evaluatePoints } from './evaluatePoints.js';
import type { ChunkReply, ShippedScenario, WorkRequest } from './protocol.js';
import { runChunk } from './runChunk.js';
import { runCompareChunk } from './runCompareChunk.js';
import { ScenarioRangeError } from './scenarioRangeError.js';
import { simulateCells, simulateRows } from './simulateCells.js';

// Compiled scenarios by key. A comparison needs all of its scenarios for every chunk, so the cache keeps at
// least the last request's; beyond that only a few, as the dashboard sends a new scenario with every edit.
const cache = new Map<string, CompiledScenario>();
const CACHE_LIMIT = 4;

function compile(s: ShippedScenario): CompiledScenario {
  if (s.local !== undefined) return s.local;
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

function work(req: WorkRequest): ChunkReply {
  if (req.type === 'compare') return runCompareChunk(compiled(req.scenarios), req.seed, req.first, req.count, req.plan, req.design);
  const [c] = compiled([req]);
  if (req.type === 'cells') {
    if (req.parameters === undefined) return { type: 'cells', values: simulateCells(c, req.seed, req.first, req.count, req.cells, req.design) };
    return { type: 'cells', ...simulateRows(c, req.seed, req.first, req.count, req.cells, req.parameters, req.design) };
  }
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
  const values = runChunk(c, req.seed, req.first, req.count, req.design);
  return encodeChunk(values, req.first, req.count, c.layout.metrics.length * c.years.length, req.mode);
}

/**
 * Does one task of the worker protocol and answers it: its results, or a value that left its legal range (a
 * scenario error), or a failure in words. The same function serves worker threads and runners in this
 * thread, so a job gets the same answers wherever its tasks run.
 */
export function answer(req: WorkRequest): ChunkReply {
  try {
    return work(req);
  } catch (e) {
    if (e instanceof ScenarioRangeError) return { type: 'rangeError', path: [...e.path], detail: e.detail, scenario: e.scenario };
    if (e instanceof ValueRangeError) return { type: 'rangeError', path: [...e.path], detail: e.detail };
    return { type: 'failure', message: e instanceof Error ? e.message : String(e) };
  }
}
