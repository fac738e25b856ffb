/**
 * Returns the q-quantile of the values `values[rows[0..m)]`, given in ascending order, as PRIM peels and
 * pastes with it (sdtoolkit's rule, kept by the EMA Workbench): from the (m - 1) q position, step over ties
 * away from the median until two neighbours differ, then take their midpoint.
 *
 * Stepping over ties means a peel at a tied value takes the whole tie or none of it, and the midpoint puts
 * the new limit strictly between two values present. Requires 0 < q < 1 and m >= 1.
 */
export function peelQuantile(values: Float64Array, rows: Int32Array, m: number, q: number): number {
  const at = (i: number) => values[rows[i]];
  const position = (m - 1) * q;
  let lo = Math.floor(position);
  let hi = Math.ceil(position);
  if (q > 0.5) {
    while (at(lo) === at(hi) && lo > 0) lo--;
  } else {
    while (at(lo) === at(hi) && hi < m - 1) hi++;
  }
  return (at(lo) + at(hi)) / 2;
}
