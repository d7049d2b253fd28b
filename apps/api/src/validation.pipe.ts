import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
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
  /** Input types whose absence (an empty instance) is known to pass validation. */
  private readonly validWhenAbsent = new WeakSet<object>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only input objects (an @InputType class): never the context, which holds the request.
    const isInput = typeof metadata.metatype === 'function' && metadata.metatype !== Object && metadata.type !== 'custom';
    if (!isInput) return super.transform(value, metadata);
    const type = metadata.metatype as ClassConstructor<object>;
    // An optional input left out (e.g. `asOf` on every live read) is an empty instance: once one
    // passed validation, the next ones will too — the same answer without the validation (issue 13).
    const absentInput = (value === undefined || value === null) && this.toValidate(metadata);
    if (absentInput && this.validWhenAbsent.has(type)) return plainToInstance(type, {});
    const result = await super.transform(nullAsAbsent(value), metadata);
    if (absentInput) this.validWhenAbsent.add(type);
    return result;
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
