import 'reflect-metadata';
import { Command } from 'commander';
import { LedgerError } from '@ledger/domain';
import { toLedgerError } from '@ledger/core';
import { importCommand } from './commands/import.command';
import { issueTokenCommand } from './commands/token.command';
import { replayCommand } from './commands/replay.command';
import { exportCommand, type ExportOptions } from './commands/export.command';
import { importLogCommand } from './commands/import-log.command';
import { verifyCommand } from './commands/verify.command';
import { reportCommand, type ReportOptions } from './commands/report.command';

// `ledger export | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

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

program
  .command('report')
  .description('the self-assessment report rebuilt from the ledger')
  .requiredOption('--plan <planId>', 'e.g. ma-2018-2020')
  .option('--as-of <date>', 'the report as it would have been on that date (facts effective by its end)')
  .option('--format <format>', 'md | html', 'md')
  .option('--lang <lang>', 'fr | en', 'fr')
  .option('--out <file>', 'write to a file instead of standard output')
  .action(async (options: ReportOptions) => {
    process.exitCode = await reportCommand(options);
  });

program
  .command('replay')
  .description('rebuild every read model from the log in this process')
  .option('--verify', 'compare digests with the live server read models at the same position')
  .option('--url <url>', 'the live server GraphQL endpoint', `http://localhost:${process.env.PORT ?? 3000}/graphql`)
  .action(async (options: { verify?: boolean; url: string }) => {
    process.exitCode = await replayCommand(options);
  });

program
  .command('export')
  .description('stream the whole history with metadata (constant memory)')
  .option('--format <format>', 'jsonl | csv', 'jsonl')
  .option('--plan <planId>', 'only this plan (its plan, commitment and access streams)')
  .option('--since <date>', 'only events recorded since this ISO date')
  .option('--out <file>', 'write to a file instead of standard output')
  .action(async (options: ExportOptions) => {
    if (options.format !== 'jsonl' && options.format !== 'csv') {
      process.stderr.write(`--format must be jsonl or csv, got ${String(options.format)}\n`);
      process.exitCode = 1;
      return;
    }
    process.exitCode = await exportCommand(options);
  });

program
  .command('import-log')
  .description('replay a JSONL export into an empty ledger (same ids, order and hashes), checking the whole file first; all or nothing')
  .argument('<file>', 'a file written by `export --format jsonl`')
  .option('--expected-head <position:hash>', 'the head `ledger verify` printed on the source ledger: a re-sealed (forged) file is refused')
  .action(async (file: string, options: { expectedHead?: string }) => {
    process.exitCode = await importLogCommand(file, options);
  });

program
  .command('verify')
  .description('recompute the hash chain of the whole log: OK, or the first broken link')
  .option('--expected-head <position:hash>', 'the head printed by an earlier verify (detects a removed or rewritten tail)')
  .action(async (options: { expectedHead?: string }) => {
    process.exitCode = await verifyCommand(options);
  });

const collect = (value: string, previous: string[]) => [...previous, value];
program
  .command('token')
  .description('authentication tokens')
  .command('issue')
  .description('mint an HS256 token with LEDGER_JWT_SECRET (or the development secret in LEDGER_DATA_DIR)')
  .requiredOption('--sub <id>', 'user id (the token subject; what assignLead takes)')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--role <role>', 'coordinator | lead | auditor (repeatable)', collect, [])
  .option('--ttl <duration>', 'lifetime, e.g. 30m, 8h, 7d', '8h')
  .action(async (options: { sub: string; name: string; role: string[]; ttl: string }) => {
    process.exitCode = await issueTokenCommand(options);
  });

program.parseAsync(process.argv).catch((caught: unknown) => {
  const error = toLedgerError(caught);
  const code = error instanceof LedgerError ? ` [${error.code}]` : '';
  process.stderr.write(`ledger: ${error instanceof Error ? error.message : String(error)}${code}\n`);
  process.exitCode = 1;
});
