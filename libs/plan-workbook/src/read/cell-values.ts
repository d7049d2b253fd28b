import type { CellValue, ColumnKind } from '../layout/workbook-layout';

/** A cell read as the column's kind, or why it cannot be (the rule name and a message). */
export type Parsed = { value: unknown } | { rule: string; message: string };

const day = (d: Date): string => d.toISOString().slice(0, 10);
const ENUMS: Partial<Record<ColumnKind, readonly string[]>> = {
  band: ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'],
  lifecycle: ['ACTIVE', 'SUSPENDED', 'CANCELLED'],
  actionKind: ['DONE', 'NOT_DONE', 'ADDITIONAL'],
};

/** Reads a number as people type it: "1,5" (decimal comma), "50 %", "1 000". */
function toNumber(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const text = value
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : undefined;
}

/** YYYY-MM-DD, a date cell, or DD/MM/YYYY (as French and Moroccan administrations write dates). */
function toDay(value: CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : day(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : undefined;
}

const shown = (value: CellValue): string => JSON.stringify(value instanceof Date ? day(value) : value);

export function parseCell(kind: ColumnKind, value: CellValue, header: string): Parsed {
  switch (kind) {
    case 'computed':
      return { value: undefined };
    case 'id':
    case 'text':
    case 'longText':
      return {
        value: value instanceof Date ? day(value) : typeof value === 'string' ? (kind === 'id' ? value.trim() : value) : String(value),
      };
    case 'dateText':
      return { value: value instanceof Date ? day(value) : String(value) };
    case 'number':
    case 'integer': {
      const n = toNumber(value);
      if (n === undefined) return { rule: 'number', message: `${header} must be a number, got ${shown(value)}` };
      if (kind === 'integer' && !Number.isInteger(n))
        return { rule: 'integer', message: `${header} must be a whole number, got ${shown(value)}` };
      return { value: n };
    }
    case 'day': {
      const d = toDay(value);
      return d === undefined
        ? { rule: 'isoDate', message: `${header} must be a date (YYYY-MM-DD or DD/MM/YYYY), got ${shown(value)}` }
        : { value: d };
    }
    case 'band':
    case 'lifecycle':
    case 'actionKind': {
      const allowed = ENUMS[kind]!;
      const key = String(value)
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_');
      return allowed.includes(key)
        ? { value: key }
        : { rule: 'enum', message: `${header} must be one of ${allowed.join(', ')}, got ${shown(value)}` };
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}
