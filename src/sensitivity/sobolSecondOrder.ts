// Saltelli's (2002) second-order estimator exactly as SALib computes it (SALib.analyze.sobol: first_order and
// second_order after its normalization of Y), over a selection of the design's base rows.

/** Where each block of outputs starts in the second-order design (block order of saltelliPoints). */
export interface SaltelliBlocks {
  readonly n: number;
  readonly dim: number;
}

/**
 * Normalizes the outputs as SALib does before estimating, (y - mean) / sd over every output of the design
 * (sd with divisor N): the products in Saltelli's estimators are not shift-invariant, and centring removes
 * the noise a large mean would add to them. Returns NaN everywhere when the output has no variance.
 */
export function normalizeOutputs(y: Float64Array): Float64Array {
  let sum = 0;
  for (const v of y) sum += v;
  const mean = sum / y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / y.length);
  return y.map((v) => (v - mean) / sd);
}

/**
 * Second-order indices S_jk (j < k, row-major over the pairs) from normalized outputs `z` over the rows
 * selected: V_jk = mean(f(BA_j) f(AB_k) - f(A) f(B)) / var, S_jk = V_jk - S_j - S_k, where S_j is SALib's
 * first_order, mean(f(B) (f(AB_j) - f(A))) / var, and var the sample variance (divisor 2m) of f(A) and f(B)
 * over the selected rows; written into `out`. NaN when that variance is 0.
 */
export function secondOrderInto(z: Float64Array, { n, dim }: SaltelliBlocks, rows: Int32Array, out: Float64Array): void {
  const m = rows.length;
  let sum = 0;
  let ab = 0;
  for (const r of rows) {
    sum += z[r] + z[n + r];
    ab += z[r] * z[n + r];
  }
  const mean = sum / (2 * m);
  let ss = 0;
  for (const r of rows) ss += (z[r] - mean) ** 2 + (z[n + r] - mean) ** 2;
  const variance = ss / (2 * m);
  if (!(variance > 0)) {
    out.fill(NaN);
    return;
  }
  // SALib's S_j, the one its second_order subtracts (not the Jansen S1 reported): their shared noise with V_jk
  // is what keeps S_jk near 0 for a pair without interaction.
  const first = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    const abj = (2 + j) * n;
    let s = 0;
    for (const r of rows) s += z[n + r] * (z[abj + r] - z[r]);
    first[j] = s / m / variance;
  }
  let p = 0;
  for (let j = 0; j < dim; j++) {
    const baj = (2 + dim + j) * n;
    for (let k = j + 1; k < dim; k++) {
      const abk = (2 + k) * n;
      let s = 0;
      for (const r of rows) s += z[baj + r] * z[abk + r];
      // mean(BA_j AB_k - A B) as mean(BA_j AB_k) - mean(A B): the same sum up to rounding, with A B summed once.
      out[p++] = (s - ab) / m / variance - first[j] - first[k];
    }
  }
}

/** The number of pairs j < k among dim inputs: dim (dim - 1) / 2. */
export function pairCount(dim: number): number {
  return (dim * (dim - 1)) / 2;
}
