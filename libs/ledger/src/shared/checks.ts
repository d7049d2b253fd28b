import { LedgerError, type FieldProblem } from './ledger-error';
import { LIMITS, SLUG_PATTERN } from './limits';

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
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value)) {
      return this.add(field, 'noControlCharacters', `${field} must not contain control characters`);
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

  rule(condition: boolean, field: string, rule: string, message: string): this {
    return condition ? this : this.add(field, rule, message);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws VALIDATION_FAILED with every problem found, or returns. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw LedgerError.validation(this.problems);
  }
}

export const checks = (): Checks => new Checks();
