import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, Matches } from 'class-validator';
import { checkedInstant, type AsOf } from '@ledger/projections';

@InputType('AsOf', {
  description:
    'A point on both time axes: what the ledger knew at `knownAt` (or at log `position`), restricted to facts effective by `effectiveAt`. E.g. the plan as effective at 2019-12-31, as known today (only effectiveAt) vs as known on 2020-01-15 (both).',
})
export class AsOfInput {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'As known at this instant (events recorded up to it).' })
  @IsOptional()
  @IsDate({ message: 'knownAt must be a date-time' })
  knownAt?: Date;

  @Field({ nullable: true, description: 'As known at this log position (decimal string, as returned by mutations).' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'position must be a decimal log position, got "$value"' })
  position?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only facts effective (business date) up to this instant.' })
  @IsOptional()
  @IsDate({ message: 'effectiveAt must be a date-time' })
  effectiveAt?: Date;
}

/**
 * The point in time asked for, or undefined for "now". (The validation pipe turns an omitted
 * argument into an empty instance, so emptiness — not presence — is what counts.) Dates outside
 * the years 1900–9999 are refused (VALIDATION_FAILED naming the field), not answered with null.
 */
export function toAsOf(input: AsOfInput | undefined): AsOf | undefined {
  // `== null`: a null bound is "not given", like an absent one.
  if (!input || (input.knownAt == null && input.position == null && input.effectiveAt == null)) return undefined;
  checkedInstant('knownAt', input.knownAt);
  checkedInstant('effectiveAt', input.effectiveAt);
  return {
    knownAt: input.knownAt?.toISOString(),
    position: input.position == null ? undefined : BigInt(input.position),
    effectiveAt: input.effectiveAt?.toISOString(),
  };
}
