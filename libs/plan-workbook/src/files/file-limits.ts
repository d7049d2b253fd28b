/**
 * Limits on uploaded plans. A real plan workbook is well under 1 MB (the Morocco plan, 79
 * activities and 480 commands, is 87 KB as XLSX); these leave room for a hundred times more and
 * refuse what only a mistake or an attack produces.
 */
export const FILE_LIMITS = {
  /** The file as uploaded (XLSX, zip, a CSV or JSON file). */
  maxFileBytes: 10 * 1024 * 1024,
  /** Everything a zip (XLSX or CSV zip) unpacks to, added up: beyond this it is a zip bomb. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** Entries in a zip (an XLSX has about 10–20). */
  maxZipEntries: 200,
  /** Data rows per sheet. */
  maxRows: 20_000,
  /** Columns per sheet. */
  maxColumns: 60,
} as const;
