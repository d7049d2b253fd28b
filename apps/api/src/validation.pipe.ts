import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { LedgerError, type FieldProblem } from '@ledger/domain';

function problems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...problems(e.children ?? [], `${field}.`)];
  });
}

/** class-validator on every input: whitelist, unknown fields refused, errors as VALIDATION_FAILED. */
export const ledgerValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validateCustomDecorators: false,
  exceptionFactory: (errors) => LedgerError.validation(problems(errors)),
});
