// The worker-thread entry of the Monte Carlo pool: answers each task (`answer`) and moves the results back
// to the main thread without copying.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { answer } from './answer.js';
import type { ChunkReply, WorkRequest } from './protocol.js';
import { replyBuffers } from './replyBuffers.js';

/** Simulates one chunk of runs (all their cells or some, of one scenario or of a comparison), or one batch of sensitivity points, for the pool. */
export default function simulateChunk(req: WorkRequest): unknown {
  const result: ChunkReply = answer(req);
  if (result.type === 'rangeError' || result.type === 'failure') return result;
  return move({
    get [transferableSymbol]() {
      return replyBuffers(result);
    },
    get [valueSymbol]() {
      return result;
    },
  } as never);
}
