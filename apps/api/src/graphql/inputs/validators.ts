import { applyDecorators } from '@nestjs/common';
import { IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { checks, LIMITS, SLUG_PATTERN } from '@ledger/domain';

/** class-validator rules built from the domain's LIMITS, with messages that name field and rule. */
export const Text = (max: number = LIMITS.shortTextMaxLength) =>
  applyDecorators(
    IsString({ message: '$property must be a string' }),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );

export const OptionalText = (max: number = LIMITS.longTextMaxLength) =>
  applyDecorators(
    IsOptional(),
    IsString({ message: '$property must be a string' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );

export const Slug = () =>
  applyDecorators(
    IsString({ message: '$property must be a string' }),
    Matches(SLUG_PATTERN, { message: '$property must be a lower-case slug (a-z, 0-9, single dashes), got "$value"' }),
    MaxLength(LIMITS.idMaxLength, { message: `$property must be at most ${LIMITS.idMaxLength} characters` }),
  );

export const Id = () => Text(LIMITS.shortTextMaxLength);

export const Progress = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number' }),
    Min(LIMITS.progressMin, { message: `$property must be between ${LIMITS.progressMin} and ${LIMITS.progressMax}, got $value` }),
    Max(LIMITS.progressMax, { message: `$property must be between ${LIMITS.progressMin} and ${LIMITS.progressMax}, got $value` }),
  );

export const Weight = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number' }),
    Min(Number.MIN_VALUE, { message: '$property must be greater than 0, got $value' }),
    Max(LIMITS.weightMax, { message: `$property must be at most ${LIMITS.weightMax}, got $value` }),
  );

export const Number1 = () =>
  applyDecorators(
    IsInt({ message: '$property must be an integer, got $value' }),
    Min(1, { message: '$property must be ≥ 1, got $value' }),
    Max(LIMITS.commitmentNumberMax, { message: `$property must be ≤ ${LIMITS.commitmentNumberMax}, got $value` }),
  );

/** An ISO 8601 date or date-time (a calendar date), checked by the domain's own rule (`isoDate`). */
export const IsoDate = () =>
  ValidateBy({
    name: 'isoDate',
    validator: {
      validate: (value: unknown) => checks().isoDate('value', value).ok,
      defaultMessage: () => '$property must be an ISO 8601 date or date-time, got $value',
    },
  });
