/**
 * Wraps text of unknown direction (a French title or a Latin id on an Arabic page) in Unicode
 * isolates (FSI … PDI), so it keeps its own order inside a right-to-left line and does not
 * reorder the words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
