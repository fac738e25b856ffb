import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/schema.js';
import type { CliIo } from '../cliIo.js';
import { examples } from '../examples.js';

/** Adds `brigadas schema` to the program: the JSON Schema of scenario files, for editors. */
export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .addHelpText('after', examples('schema > schema/scenario.schema.json'))
    .action(() => {
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
