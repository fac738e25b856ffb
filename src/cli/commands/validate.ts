import { CommanderError, type Command } from 'commander';
import { formatDiagnostic, isUnreadable } from '../../scenario/diagnostic.js';
import { loadScenarioWith } from '../../scenario/loadScenario.js';
import { probeScenario } from '../../scenario/probeScenario.js';
import { nodeFilePort } from '../../node/nodeFilePort.js';
import { InvalidInput } from '../cliErrors.js';
import type { CliIo } from '../cliIo.js';
import { examples } from '../examples.js';
import { EXIT } from '../exitCodes.js';

/** Adds `brigadas validate` to the program: scenario files checked without running them, every problem said. */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check scenario files without running them; prints every problem found')
    .argument('<files...>', 'scenario YAML files')
    .addHelpText('after', examples('validate scenarios/*.yaml'))
    .action((files: string[]) => {
      let invalid = false;
      let unreadable = false;
      // Each file's problems are said as it is checked, so they come in the order the files were given.
      for (const file of files) {
        const result = loadScenarioWith(file, nodeFilePort);
        const found = result.ok ? probeScenario(result.value) : [...result.errors];
        if (found.length === 0 && result.ok) {
          const c = result.value;
          io.stdout(`${file}: ok (${c.name}: ${c.start} to ${c.end}, ${c.parameters.length} parameters, ${c.hosts.length} hosts, ${c.events.length} events)\n`);
        }
        for (const d of found) {
          if (isUnreadable(d)) {
            unreadable = true;
            io.stderr(`brigadas: ${d.message}\n`);
          } else {
            invalid = true;
            io.stderr(`${formatDiagnostic(d)}\n`);
          }
        }
      }
      // Everything is said already: end with the exit code alone, 2 when a file could not be read, else 3.
      if (unreadable) throw new CommanderError(EXIT.usage, 'brigadas.unreadable', 'a file could not be read');
      if (invalid) throw new InvalidInput([]);
    });
}
