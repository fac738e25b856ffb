import { ValueRangeError } from '../scenario/resolveRun.js';
import type { ChunkReply, WorkReply } from './protocol.js';
import { ScenarioRangeError } from './scenarioRangeError.js';

/** A reply's results, or the error it reports thrown: a ValueRangeError (ScenarioRangeError in a comparison) or a failure. */
export function unwrapReply(reply: ChunkReply): WorkReply {
  if (reply.type === 'rangeError') {
    const e = new ValueRangeError(reply.path, reply.detail);
    throw reply.scenario === undefined ? e : new ScenarioRangeError(reply.scenario, e);
  }
  if (reply.type === 'failure') throw new Error(reply.message);
  return reply;
}
