import { Args, Field, Float, GraphQLISODateTime, ID, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerError } from '@ledger/domain';
import type { RatePoint } from '@ledger/projections';
import { GetRateHistory } from '../../history/history.queries';

export enum HistoryIntervalEnum {
  day = 'day',
  week = 'week',
  month = 'month',
  quarter = 'quarter',
}
registerEnumType(HistoryIntervalEnum, { name: 'HistoryInterval' });

@ObjectType('RatePoint', { description: 'The implementation rate effective at an instant.' })
export class RatePointType {
  @Field(() => GraphQLISODateTime)
  at: Date;
  @Field(() => Float)
  implementationRate: number;
}

const MAX_POINTS = 1000;

/** Rate history for charts, by effective date. */
@Resolver()
export class HistoryResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [RatePointType], { description: 'Implementation rate of a plan (or of one axis or commitment) over time, by effective date, as known now.' })
  async rateHistory(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('commitmentId', { type: () => ID, nullable: true }) commitmentId: string | undefined,
    @Args('axisId', { type: () => ID, nullable: true }) axisId: string | undefined,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true, description: 'Default: 2 years before `to`.' }) from: Date | undefined,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true, description: 'Default: now.' }) to: Date | undefined,
    @Args('interval', { type: () => HistoryIntervalEnum, nullable: true, defaultValue: HistoryIntervalEnum.month }) interval: HistoryIntervalEnum,
  ): Promise<RatePointType[]> {
    const end = to ?? new Date();
    const start = from ?? new Date(Date.UTC(end.getUTCFullYear() - 2, end.getUTCMonth(), end.getUTCDate()));
    if (start > end) throw LedgerError.validation([{ field: 'from', rule: 'beforeTo', message: `from must not be after to (${start.toISOString()} > ${end.toISOString()})` }]);
    const days = (end.getTime() - start.getTime()) / 86_400_000;
    const perInterval = { day: 1, week: 7, month: 28, quarter: 90 }[interval];
    if (days / perInterval > MAX_POINTS) throw LedgerError.validation([{ field: 'interval', rule: 'maxPoints', message: `at most ${MAX_POINTS} points: widen the interval or shorten the range` }]);
    const points: RatePoint[] = await this.queryBus.execute(new GetRateHistory({ planId, commitmentId, axisId, from: start.toISOString(), to: end.toISOString(), interval }));
    return points.map((p) => ({ at: new Date(p.at), implementationRate: p.implementationRate }));
  }
}
