/** Evaluates a model at every row of a row-major matrix of points (dim values a row), one output per row. */
export function evaluateRows(model: (u: Float64Array) => number, points: Float64Array, dim: number): Float64Array {
  const out = new Float64Array(points.length / dim);
  for (let j = 0; j < out.length; j++) out[j] = model(points.subarray(j * dim, (j + 1) * dim));
  return out;
}
