import { LedgerError, type FieldProblem } from './ledger-error';
import { LIMITS, SLUG_PATTERN } from './limits';
import { forbiddenCharacter } from './text-characters';

/**
 * Collects field problems so a command reports every bad field at once, then throws one
 * VALIDATION_FAILED error. Messages name the field and the rule.
 */
export class Checks {
  private readonly problems: FieldProblem[] = [];

  private add(field: string, rule: string, message: string): this {
    this.problems.push({ field, rule, message });
    return this;
  }

  text(field: string, value: unknown, max: number, required = true): this {
    if (value === undefined || value === null) {
      return required ? this.add(field, 'required', `${field} is required`) : this;
    }
    if (typeof value !== 'string') return this.add(field, 'type', `${field} must be a string`);
    if (required && value.trim().length === 0) return this.add(field, 'notEmpty', `${field} must not be empty`);
    if (value.length > max) {
      return this.add(field, 'maxLength', `${field} must be at most ${max} characters, got ${value.length}`);
    }
    // One rule for every text, whichever way it comes in (API, plan file, CLI).
    const forbidden = forbiddenCharacter(value);
    if (forbidden?.kind === 'control') return this.add(field, 'noControlCharacters', `${field} must not contain control characters`);
    if (forbidden) {
      const message = `${field} must not contain bidi-control or zero-width characters (found ${forbidden.codePoint}): they change what a reader sees`;
      return this.add(field, 'noControlCharacters', message);
    }
    return this;
  }

  shortText(field: string, value: unknown, required = true): this {
    return this.text(field, value, LIMITS.shortTextMaxLength, required);
  }

  longText(field: string, value: unknown, required = false): this {
    return this.text(field, value, LIMITS.longTextMaxLength, required);
  }

  slug(field: string, value: unknown): this {
    if (typeof value !== 'string' || !SLUG_PATTERN.test(value) || value.length > LIMITS.idMaxLength) {
      return this.add(
        field,
        'slug',
        `${field} must be a lower-case slug (a-z, 0-9, single dashes) of at most ${LIMITS.idMaxLength} characters, got ${JSON.stringify(value)}`,
      );
    }
    return this;
  }

  range(field: string, value: unknown, min: number, max: number): this {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.add(field, 'number', `${field} must be a finite number, got ${JSON.stringify(value)}`);
    }
    if (value < min || value > max) {
      return this.add(field, 'range', `${field} must be between ${min} and ${max}, got ${value}`);
    }
    return this;
  }

  positive(field: string, value: unknown, max: number): this {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.add(field, 'number', `${field} must be a finite number, got ${JSON.stringify(value)}`);
    }
    if (value <= 0 || value > max) {
      return this.add(field, 'positive', `${field} must be greater than 0 and at most ${max}, got ${value}`);
    }
    return this;
  }

  integer(field: string, value: unknown, min: number, max: number): this {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.add(field, 'integer', `${field} must be an integer between ${min} and ${max}, got ${JSON.stringify(value)}`);
    }
    return this;
  }

  isoDate(field: string, value: unknown, required = false): this {
    if (value === undefined || value === null) {
      return required ? this.add(field, 'required', `${field} is required`) : this;
    }
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) ||
      Number.isNaN(Date.parse(value))
    ) {
      return this.add(field, 'isoDate', `${field} must be an ISO 8601 date or date-time, got ${JSON.stringify(value)}`);
    }
    const [y, m, d] = value.slice(0, 10).split('-').map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
      return this.add(field, 'isoDate', `${field} is not a calendar date, got ${JSON.stringify(value)}`);
    }
    return this;
  }

  /**
   * A business date (effectiveAt): an ISO 8601 date, not before 1900-01-01 (the ledger records
   * government plans, not history), and not after `latest` when given (now + 1 minute of clock skew).
   */
  effectiveDate(field: string, value: unknown, latest?: Date, required = false): this {
    const before = this.problems.length;
    this.isoDate(field, value, required);
    if (this.problems.length > before || value === undefined || value === null) return this;
    const t = Date.parse(value as string);
    if (t < EARLIEST_EFFECTIVE_DATE) {
      return this.add(field, 'dateRange', `${field} must be on or after 1900-01-01, got ${JSON.stringify(value)}`);
    }
    if (latest && t > latest.getTime()) return this.add(field, 'notInFuture', `${field} must not be in the future, got ${value as string}`);
    return this;
  }

  rule(condition: boolean, field: string, rule: string, message: string): this {
    return condition ? this : this.add(field, rule, message);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** The problems found so far, to report them without throwing. */
  get found(): readonly FieldProblem[] {
    return this.problems;
  }

  /** Throws VALIDATION_FAILED with every problem found, or returns. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw LedgerError.validation(this.problems);
  }
}

export const checks = (): Checks => new Checks();

/** 1900-01-01T00:00:00Z: no business date of the ledger is earlier. */
export const EARLIEST_EFFECTIVE_DATE = Date.UTC(1900, 0, 1);
