import { JOE_KUO_ROWS } from './joeKuoDirections.js';

/** How many Sobol dimensions (uncertain parameters) the stored Joe and Kuo direction numbers cover. */
export const MAX_SOBOL_DIMENSIONS = JOE_KUO_ROWS.length + 1;

const BITS = 32;
let table: Uint32Array | undefined;

/**
 * The 32 direction numbers of every stored Sobol dimension as 32-bit binary fractions, dimension d's
 * number for index bit j at position 32 d + j; built once, on first use (128 KiB for 1,024 dimensions).
 */
export function sobolDirections(): Uint32Array {
  table ??= buildTable();
  return table;
}

function buildTable(): Uint32Array {
  const v = new Uint32Array(MAX_SOBOL_DIMENSIONS * BITS);
  // Dimension 0 is the van der Corput sequence: bit j of the index is worth 2^-(j+1).
  for (let j = 0; j < BITS; j++) v[j] = 2 ** (BITS - 1 - j);
  for (let d = 1; d < MAX_SOBOL_DIMENSIONS; d++) {
    const row = JOE_KUO_ROWS[d - 1];
    const a = row[0];
    const s = row.length - 1;
    const o = d * BITS;
    for (let j = 0; j < BITS; j++) {
      if (j < s) {
        v[o + j] = row[j + 1] * 2 ** (BITS - 1 - j);
      } else {
        // Bratley and Fox's recurrence from the primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1.
        let w = v[o + j - s] ^ (v[o + j - s] >>> s);
        for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) w ^= v[o + j - k];
        v[o + j] = w >>> 0;
      }
    }
  }
  return v;
}
