/**
 * Three tiers by suffix: *.spec.ts (unit), *.int-spec.ts (real adapters), test/**\/*.e2e-spec.ts (HTTP).
 * Int and e2e tests wait for conditions with generous bounds (a loaded machine is slow, not wrong):
 * their timeout stays above waitFor's default bound.
 */
const moduleNameMapper = {
  '^@ledger/domain$': '<rootDir>/libs/ledger/src/index.ts',
  '^@ledger/event-store$': '<rootDir>/libs/event-store/src/index.ts',
  '^@ledger/projections$': '<rootDir>/libs/projections/src/index.ts',
  '^@ledger/testing$': '<rootDir>/libs/testing/src/index.ts',
  '^@ledger/self-assessment$': '<rootDir>/libs/self-assessment/src/index.ts',
  '^@ledger/i18n$': '<rootDir>/libs/i18n/src/index.ts',
  '^@ledger/charts$': '<rootDir>/libs/charts/src/index.ts',
  '^@ledger/web-ui$': '<rootDir>/libs/web-ui/src/index.ts',
  '^@ledger/csv$': '<rootDir>/libs/csv/src/index.ts',
  '^@ledger/canonical-json$': '<rootDir>/libs/canonical-json/src/index.ts',
  '^@ledger/core$': '<rootDir>/libs/core/src/index.ts',
  '^@ledger/plan-workbook$': '<rootDir>/libs/plan-workbook/src/index.ts',
};
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper,
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // apps/web is the browser build (Vite); its components live in libs/web-ui and are tested there and in the browser suites.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  setupFiles: ['<rootDir>/libs/testing/src/jest-env.ts'],
};
module.exports = {
  // Two workers on the 2-core machines: the e2e and browser suites mostly wait (on Chromium, child
  // processes, sockets), so a second worker halves the wall time; every wait is a condition, not a clock.
  maxWorkers: 2,
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/test/support/skipped-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.{ts,tsx}'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
