import type { ChunkReply } from './protocol.js';

/** The buffers of a reply that can move between threads instead of being copied. */
export function replyBuffers(r: ChunkReply): ArrayBuffer[] {
  if (r.type === 'values') return [r.values.buffer as ArrayBuffer];
  if (r.type === 'points') return [r.values.buffer as ArrayBuffer];
  if (r.type === 'cells') return r.parameters === undefined ? [r.values.buffer as ArrayBuffer] : [r.values.buffer as ArrayBuffer, r.parameters.buffer as ArrayBuffer];
  if (r.type === 'sketch') return [r.keys.buffer, r.sums.buffer, r.extremes.buffer] as ArrayBuffer[];
  if (r.type === 'compare') {
    return [
      ...r.scenarios.flatMap(replyBuffers),
      ...r.differences.flatMap((d) => (d === null ? [] : [...replyBuffers(d.chunk), d.counted.buffer as ArrayBuffer, d.positive.buffer as ArrayBuffer])),
    ];
  }
  return [];
}
