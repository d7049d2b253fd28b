import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@ledger/domain';
import { IsoDate } from './validators';

/** Fields every mutation input takes. */
@InputType({ isAbstract: true })
export abstract class CommandEnvelopeInput {
  @Field({
    nullable: true,
    description: 'Idempotency key: retrying with the same id and payload returns the first result and writes nothing.',
  })
  @IsOptional()
  @IsString({ message: 'commandId must be a string' })
  @MaxLength(LIMITS.shortTextMaxLength, { message: `commandId must be at most ${LIMITS.shortTextMaxLength} characters` })
  commandId?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Optimistic lock: the version last read; a stale one gets CONCURRENCY_CONFLICT with the current version.',
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be an integer, got $value' })
  @Min(0, { message: 'expectedVersion must be ≥ 0, got $value' })
  expectedVersion?: number;

  @Field({
    nullable: true,
    description: 'Business date the fact refers to (ISO 8601, e.g. "2020-12-31"), from 1900-01-01 to now; defaults to now.',
  })
  @IsOptional()
  @IsoDate()
  effectiveAt?: string;
}
