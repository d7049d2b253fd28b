import type * as ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | undefined;

/**
 * exceljs, required on first use: loading it costs ~0.3 s, and a server that never reads or writes
 * a workbook should not pay that at every start (issue 13). Types come from `import type` only.
 */
export function exceljs(): typeof ExcelJS {
  // A plain require keeps jest's module registry; eslint.config.mjs allows it for this module only.
  return (loaded ??= require('exceljs') as typeof ExcelJS);
}
