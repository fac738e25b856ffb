import { Option } from 'commander';
import { DESIGN_KINDS, type DesignKind } from '../design/designKind.js';
import { designAdvice, designProblem } from '../design/designProblem.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import { uncertainParameters } from '../scenario/uncertainParameters.js';
import { UsageError } from './cliErrors.js';
import type { CliIo } from './cliIo.js';

/** The --design option: how the uncertain parameters are sampled. */
export function designOption(): Option {
  return new Option('--design <design>', 'sampling of the uncertain parameters: mc (plain Monte Carlo), lhs (Latin hypercube) or sobol (scrambled Sobol points); the flows\' own randomness is drawn as always')
    .choices(DESIGN_KINDS)
    .default('mc');
}

/**
 * Checks a design against the runs and the scenario's uncertain parameters before any run: exit 2 when it
 * cannot be made, a note on stderr when it loses balance (Sobol points at a number of runs that is no power of two).
 */
export function checkDesign(io: CliIo, kind: DesignKind, runs: number, c: CompiledScenario): void {
  const dims = uncertainParameters(c.parameters).length;
  const problem = designProblem(kind, runs, dims);
  if (problem !== undefined) throw new UsageError(`--design ${kind}: ${problem}`);
  const advice = designAdvice(kind, runs);
  if (advice !== undefined) io.stderr(`brigadas: note: ${advice}\n`);
}
