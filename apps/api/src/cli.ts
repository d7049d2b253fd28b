import 'reflect-metadata';
import { Command } from 'commander';
import { LedgerError } from '@ledger/domain';
import { importCommand } from './cli/import.command';

/** `npm run ledger -- <command>`: the ledger's command line. */
const program = new Command('ledger').description('opengov-ledger command line').showHelpAfterError();

program
  .command('import')
  .description('validate a plan file (JSON Schema + domain rules), then import it through the command bus')
  .argument('<file>', 'plan file, e.g. data/plans/ma-2018-2020.json')
  .option('--dry-run', 'only validate')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    process.exitCode = await importCommand(file, options);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  const code = error instanceof LedgerError ? ` [${error.code}]` : '';
  process.stderr.write(`ledger: ${error instanceof Error ? error.message : String(error)}${code}\n`);
  process.exitCode = 1;
});
