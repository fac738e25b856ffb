// The testing kit (`brigadas/testing`): fast-check arbitraries of valid scenarios, an invariant checker for
// reports and a writer of scenarios as YAML. fast-check is a peer dependency of this entry only.
export { arbScenario, arbScenarioFile, GENERATED_FILE, type ScenarioArbitraryOptions } from './arbScenario.js';
export { arbLevers, type Levers, type LeverOptions } from './arbLevers.js';
export { arbHorizon, type Horizon } from './arbHorizon.js';
export { arbDistribution, type DistributionFile } from './arbDistribution.js';
export { checkInvariants } from './checkInvariants.js';
export { INVARIANTS, type Invariant, type Violation } from './violation.js';
export { scenarioToYaml } from './scenarioToYaml.js';
