import type { ByteSink } from '../../src/runtable/byteSink.js';

/** A byte sink that keeps every chunk, for reading a run table back whole. */
export function collectingSink(): ByteSink & { readonly chunks: (Uint8Array | string)[]; bytes(): Uint8Array; text(): string } {
  const chunks: (Uint8Array | string)[] = [];
  const bytes = () => Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
  return {
    chunks,
    write: (c) => chunks.push(c),
    bytes: () => new Uint8Array(bytes()),
    text: () => bytes().toString('utf8'),
  };
}
