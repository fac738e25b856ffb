/** The sampling designs that can choose each run's quantiles of the uncertain parameters. */
export const DESIGN_KINDS = ['mc', 'lhs', 'sobol'] as const;

/** One of the sampling designs: plain Monte Carlo, Latin hypercube, or scrambled Sobol. */
export type DesignKind = (typeof DESIGN_KINDS)[number];

/** Whether a string (from a flag or a file) names one of the sampling designs. */
export function isDesignKind(text: string): text is DesignKind {
  return (DESIGN_KINDS as readonly string[]).includes(text);
}
