// Lets a process run the project's TypeScript directly (crash tests, benchmarks): transpiles .ts on
// require with the project's compiler and maps the @ledger/* path aliases.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '../../../..');
const aliases = {
  '@ledger/domain': 'libs/ledger/src',
  '@ledger/event-store': 'libs/event-store/src',
  '@ledger/projections': 'libs/projections/src',
  '@ledger/testing': 'libs/testing/src',
  '@ledger/self-assessment': 'libs/self-assessment/src',
  '@ledger/i18n': 'libs/i18n/src',
  '@ledger/charts': 'libs/charts/src',
  '@ledger/canonical-json': 'libs/canonical-json/src',
  '@ledger/core': 'libs/core/src',
  '@ledger/plan-workbook': 'libs/plan-workbook/src',
  '@ledger/web-ui': 'libs/web-ui/src',
  '@ledger/csv': 'libs/csv/src',
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const target = aliases[request];
  return resolve.call(this, target ? path.join(root, target) : request, ...rest);
};
const compile = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      jsx: ts.JsxEmit.ReactJSX,
      jsxImportSource: 'preact',
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
require.extensions['.ts'] = compile;
// The pages' components (libs/web-ui), rendered by the API server.
require.extensions['.tsx'] = compile;
