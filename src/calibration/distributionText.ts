import type { Distribution } from '../random/distribution.js';

/** Writes a distribution as a person reads it: `uniform(0.01, 0.02)`, `lognormal(median 8000, sigma 0.3, 4000-20000)`. */
export function distributionText(d: Distribution): string {
  const bounds = (min?: number, max?: number) => (min === undefined && max === undefined ? '' : `, ${min ?? '-inf'}-${max ?? 'inf'}`);
  switch (d.dist) {
    case 'fixed':
      return `fixed(${d.value})`;
    case 'uniform':
      return `uniform(${d.min}, ${d.max})`;
    case 'triangular':
      return `triangular(${d.min}, ${d.mode}, ${d.max})`;
    case 'pert':
      return `pert(${d.min}, ${d.mode}, ${d.max}${d.lambda === undefined ? '' : `, lambda ${d.lambda}`})`;
    case 'normal':
      return `normal(mean ${d.mean}, sd ${d.sd}${bounds(d.min, d.max)})`;
    case 'lognormal':
      return `lognormal(median ${d.median}, sigma ${d.sigma}${bounds(d.min, d.max)})`;
    case 'beta':
      return `beta(${d.alpha}, ${d.beta}${bounds(d.min, d.max)})`;
    case 'discrete':
      return `discrete(${d.values.length} values, ${Math.min(...d.values)}-${Math.max(...d.values)}${d.weights ? ', weighted' : ''})`;
  }
}
