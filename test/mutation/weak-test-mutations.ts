import type { Mutation } from './mutation';

const BAD_INPUT = 'test/bad-input.e2e-spec.ts';
const IMPORT_LOG = 'test/hostile/import-log.e2e-spec.ts';
const ROLES = 'test/roles.e2e-spec.ts';
const DURABILITY = 'libs/event-store/src/embedded/sqlite-durability.int-spec.ts';

/** The tests issue 14 found weaker than their names: the bug each name promises to catch. */
export const WEAK_TEST_MUTATIONS: Mutation[] = [
  {
    id: 'bad-input-refuse-all',
    description: 'the server refuses every progress report (a range check that always fails)',
    file: 'libs/ledger/src/commitment/activity.decisions.ts',
    search: ".range('progress', progress, LIMITS.progressMin, LIMITS.progressMax)",
    replace: ".range('progress', progress, LIMITS.progressMin, LIMITS.progressMin - 1)",
    suites: [BAD_INPUT],
    claim: 'accepts a progress report exactly when it is valid',
  },
  {
    id: 'bad-input-band-unchecked',
    description: 'a band that does not contain the figure is accepted and stored',
    file: 'libs/ledger/src/commitment/activity.decisions.ts',
    search: 'statusContains(status, p),',
    replace: 'true,',
    suites: [BAD_INPUT],
    claim: 'accepts a progress report exactly when it is valid',
  },
  {
    id: 'bad-input-band-90',
    description: 'a figure of 90 without a band is stored as SUBSTANTIAL instead of COMPLETE',
    file: 'libs/ledger/src/rates/status-band.ts',
    search: "if (progress < 90) return 'SUBSTANTIAL';",
    replace: "if (progress <= 90) return 'SUBSTANTIAL';",
    suites: [BAD_INPUT],
    claim: 'reads back the figure and band it stored',
  },
  {
    id: 'prod-error-leaks',
    description: "in production an unexpected error's own message (driver text, paths, SQL) reaches the client",
    file: 'apps/api/src/graphql/error-formatter.ts',
    search: "message: production ? 'internal error' : original.message,",
    replace: 'message: original.message,',
    suites: ['test/hardening.e2e-spec.ts'],
    claim: 'answers a real internal error in production with a generic message and code, and no internals',
  },
  {
    id: 'import-log-hashless-lines',
    description: 'import-log lets lines without a hash through both checks of the file (the line check and the chain check)',
    file: 'apps/cli/src/commands/import-log/log-file.ts',
    search: "if (!readIntegrity(e.metadata)) problems.push('carries no integrity metadata",
    replace: "if (readIntegrity(e.metadata) === null) problems.push('carries no integrity metadata",
    // Each check refuses a hashless line on its own: one alone, mutated, changes nothing a user sees.
    also: [
      {
        file: 'libs/event-store/src/integrity/verify-chain.ts',
        search: "if (!integrity) return broken(at, 'carries no valid integrity metadata (written before tamper evidence, or stripped)');",
        replace: 'if (!integrity) continue;',
      },
    ],
    suites: [IMPORT_LOG],
    claim: 'refuses lines stripped of their hashes and writes nothing',
  },
  {
    id: 'import-log-chain-unchecked',
    description: "import-log does not check the file's hash chain before writing: a tampered line is written",
    file: 'apps/cli/src/commands/import-log/log-checks.ts',
    search: 'if (!chain.ok) throw new Error(`the hash chain of the file is broken: ${chain.reason}`);',
    replace: '',
    suites: [IMPORT_LOG],
    claim: 'refuses a tampered line (data edited, hash kept) and writes nothing',
  },
  {
    id: 'import-log-extra-events',
    description: 'import-log does not notice events in the ledger beyond those of the file',
    file: 'apps/cli/src/commands/import-log/log-checks.ts',
    search: 'if (!extra.done) throw',
    replace: 'if (extra.done === false && extra.done) throw',
    suites: [IMPORT_LOG],
    claim: 'fails when the ledger holds an event the file does not',
  },
  {
    id: 'import-log-self-check-blind',
    description: "import-log alters what it writes (each event's data) while its own comparison with the file compares nothing",
    file: 'apps/cli/src/commands/import-log/log-checks.ts',
    search: 'const diff = difference(event, next.value, compareHashes);',
    replace: 'const diff = compareHashes === compareHashes ? undefined : difference(event, next.value, compareHashes);',
    // Blinding the command's check alone changes nothing; altering the import alone fails its exit code:
    // together they are the bug only a test that compares the written log itself can see.
    also: [
      {
        file: 'apps/cli/src/commands/import-log/log-file.ts',
        search: 'type: e.type, data: e.data, metadata, created',
        replace: 'type: e.type, data: { ...(e.data as object), imported: true }, metadata, created',
      },
    ],
    suites: [IMPORT_LOG],
    claim: 'imports an export with every (id, stream, revision, type, hash) equal and nothing extra, compared here',
  },
  {
    id: 'replay-verify-always-ok',
    description: '`ledger replay --verify` says OK whatever the live read models hold',
    file: 'apps/cli/src/commands/replay.command.ts',
    search: 'const differing = fresh.filter((d) => live.models.find((m) => m.name === d.name)?.digest !== d.digest);',
    replace: 'const differing = fresh.filter((d) => live.models.find((m) => m.name === d.name) === undefined);',
    suites: ['test/cli.e2e-spec.ts'],
    claim: 'proves with replay --verify that a fresh replay equals the live read models',
  },
  {
    id: 'sqlite-synchronous-off',
    description: 'the embedded store runs with synchronous=OFF (an acknowledged append may be lost on power loss)',
    file: 'libs/event-store/src/embedded/sqlite-event-store.ts',
    search: "this.db.pragma('synchronous = FULL');",
    replace: "this.db.pragma('synchronous = OFF');",
    suites: [DURABILITY],
    claim: 'keeps every acknowledged append after the writing process is killed with SIGKILL',
  },
  {
    id: 'sqlite-journal-delete',
    description: 'the embedded store runs in rollback-journal mode instead of WAL',
    file: 'libs/event-store/src/embedded/sqlite-event-store.ts',
    search: "this.db.pragma('journal_mode = WAL');",
    replace: "this.db.pragma('journal_mode = DELETE');",
    suites: [DURABILITY],
    claim: 'keeps every acknowledged append after the writing process is killed with SIGKILL',
  },
  {
    id: 'read-model-version-off-by-one',
    description: "the plans read model reports a plan's version one lower than the events in its stream",
    file: 'libs/projections/src/plans.projection.ts',
    search: 'version: Number(event.revision) + 1,',
    replace: 'version: Number(event.revision),',
    suites: ['test/coordinator-flow.e2e-spec.ts'],
    claim: 'serves the same figures to an anonymous reader',
  },
  {
    id: 'roles-lead-suspends',
    description: 'a lead may suspend an activity of their commitment (restructuring is for coordinators)',
    file: 'libs/ledger/src/access/authorize.ts',
    search: "  'RecordOutcome',\n]);",
    replace: "  'RecordOutcome',\n  'SuspendActivity',\n]);",
    suites: [ROLES],
    claim: 'suspendActivity by lead (assigned): FORBIDDEN',
  },
  {
    id: 'roles-auditor-writes',
    description: 'an auditor may write, as a coordinator',
    file: 'libs/ledger/src/access/authorize.ts',
    search: "if (principal.roles.includes('coordinator')) return 'coordinator';",
    replace: "if (principal.roles.includes('coordinator') || principal.roles.includes('auditor')) return 'coordinator';",
    suites: [ROLES],
    claim: 'by auditor: FORBIDDEN',
  },
  {
    id: 'roles-any-lead',
    description: 'any lead may report on any commitment, assigned or not',
    file: 'libs/ledger/src/access/authorize.ts',
    search: 'if (target.commitmentId && isLeadOf(target.access, target.commitmentId, principal.sub)) return',
    replace: 'if (target.commitmentId) return',
    suites: [ROLES],
    claim: 'by lead (not assigned): FORBIDDEN',
  },
];
