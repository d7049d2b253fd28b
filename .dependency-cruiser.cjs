/** Boundaries, checked in CI (`npm run lint`). */
module.exports = {
  forbidden: [
    {
      name: 'ledger-is-pure',
      comment: 'libs/ledger is the pure domain: it imports nothing outside itself (no Nest, no store, no node modules).',
      severity: 'error',
      from: { path: '^libs/ledger/src', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/ledger/src' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-without-nest',
      comment: 'Nest is the shell around the libs: only apps/ and libs/core (the Nest wiring the API and the CLI share) use it.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/core/' },
      to: { path: 'node_modules/@nestjs/' },
    },
    {
      name: 'store-knows-no-domain',
      comment: 'libs/event-store carries any event: it imports neither the domain nor the read models (its errors are its own, mapped at the edge in libs/core).',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/(ledger|projections|core|self-assessment)/' },
    },
    {
      name: 'apps-are-separate',
      comment: 'apps/api, apps/cli and apps/web are separate ways in: what they share lives in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'testing-only-in-tests',
      comment: 'libs/testing (contract suite, doubles) is never shipped: only specs and test/ import it.',
      severity: 'error',
      from: { pathNot: ['^libs/testing/', '\\.(spec|int-spec|e2e-spec)\\.ts$', '^test/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'browser-safe-libs',
      comment: 'libs/i18n, libs/charts and libs/csv run in the browser too (apps/web): no run-time import of other libs or node modules.',
      severity: 'error',
      from: { path: '^libs/(i18n|charts|csv)/src' },
      to: { pathNot: '^libs/(i18n|charts|csv)/src', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-ui-browser-safe',
      comment: 'libs/web-ui is rendered by the server and run in the browser: browser-safe libs and preact only.',
      severity: 'error',
      from: { path: '^libs/web-ui/src' },
      to: {
        pathNot: ['^libs/(web-ui|i18n|charts|ledger|csv)/src', 'node_modules/preact/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'web-app-in-the-browser',
      comment: 'apps/web runs in the browser: no Node module, no server code.',
      severity: 'error',
      from: { path: '^apps/web/src' },
      to: { path: ['^apps/api/', '^libs/(event-store|projections|self-assessment|testing)/', '^(node:)?(fs|path|crypto|http|net)$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
