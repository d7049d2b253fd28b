import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { LedgerError, type FieldProblem } from '@ledger/domain';
import { nullAsAbsent } from './graphql/null-as-absent';

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

/** class-validator on every input, after null fields are read as "not given". */
class LedgerValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only input objects (an @InputType class): never the context, which holds the request.
    const isInput = typeof metadata.metatype === 'function' && metadata.metatype !== Object && metadata.type !== 'custom';
    return super.transform(isInput ? nullAsAbsent(value) : value, metadata);
  }
}

/** class-validator on every input: whitelist, unknown fields refused, errors as VALIDATION_FAILED. */
export const ledgerValidationPipe = new LedgerValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validateCustomDecorators: false,
  exceptionFactory: (errors) => LedgerError.validation(problems(errors)),
});
