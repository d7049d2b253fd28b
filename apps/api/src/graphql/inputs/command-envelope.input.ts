import { Field, InputType, Int } from '@nestjs/graphql';
import { IsISO8601, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@ledger/domain';

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

  @Field({ nullable: true, description: 'Business date the fact refers to (ISO 8601, e.g. "2020-12-31"); defaults to now.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'effectiveAt must be an ISO 8601 date or date-time, got $value' })
  effectiveAt?: string;
}
