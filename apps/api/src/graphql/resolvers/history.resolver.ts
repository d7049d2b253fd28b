import { Args, Field, Float, GraphQLISODateTime, ID, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerError } from '@ledger/domain';
import type { PlanChanges, RatePoint } from '@ledger/projections';
import { GetPlanChanges, GetRateHistory, ReadModelService } from '@ledger/core';
import { PlanChangesType } from '../types/changes.type';

export enum HistoryIntervalEnum {
  day = 'day',
  week = 'week',
  month = 'month',
  quarter = 'quarter',
}
registerEnumType(HistoryIntervalEnum, {
  name: 'HistoryInterval',
  description: 'Spacing of rate history points (a month is a calendar month).',
});

@ObjectType('RatePoint', { description: 'The implementation rate effective at an instant.' })
export class RatePointType {
  @Field(() => GraphQLISODateTime, { description: 'The instant (end of an interval, or the end of the range).' })
  at: Date;
  @Field(() => Float, { nullable: true, description: 'The rate effective at that instant, as known now; null while nothing counted yet.' })
  implementationRate: number | null;
}

const MAX_POINTS = 1000;

/** Rate history for charts, by effective date. */
@Resolver()
export class HistoryResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly readModels: ReadModelService,
  ) {}

  @Query(() => PlanChangesType, {
    description:
      'What moved between two dates, by effective date: plan and commitment rates before/after and the events in between. Give `since`/`until`, or the name of a closed reporting `period` (from the end of the period before it to its end).',
  })
  async changes(
    @Args('planId', { type: () => ID, description: 'The plan.' }) planId: string,
    @Args('since', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: 'Start of the range (exclusive); required unless `period` is given.',
    })
    since: Date | undefined,
    @Args('until', { type: () => GraphQLISODateTime, nullable: true, description: 'Default: now.' }) until: Date | undefined,
    @Args('period', { type: () => String, nullable: true, description: 'Name of a closed reporting period.' }) period: string | undefined,
  ): Promise<PlanChangesType> {
    const range = period ? this.periodRange(planId, period) : { since: since?.toISOString(), until: (until ?? new Date()).toISOString() };
    if (!range.since)
      throw LedgerError.validation([{ field: 'since', rule: 'required', message: 'since is required unless a period is named' }]);
    if (Date.parse(range.since) > Date.parse(range.until))
      throw LedgerError.validation([
        { field: 'since', rule: 'beforeUntil', message: `since must not be after until (${range.since} > ${range.until})` },
      ]);
    const result: PlanChanges = await this.queryBus.execute(new GetPlanChanges(planId, range.since, range.until));
    return {
      ...result,
      since: new Date(result.since),
      until: new Date(result.until),
      commitments: result.commitments.map((c) => ({
        ...c,
        events: c.events.map((e) => ({
          position: e.position.toString(),
          stream: e.stream,
          revision: Number(e.revision),
          type: e.type,
          effectiveAt: new Date(String(e.metadata.effectiveAt)),
          data: e.data,
        })),
      })),
    };
  }

  private periodRange(planId: string, name: string): { since: string; until: string } {
    const plan = this.readModels.model.plan(planId);
    if (!plan) throw LedgerError.notFound('plan', planId);
    const i = plan.periods.findIndex((p) => p.name === name);
    if (i < 0)
      throw new LedgerError(
        'NOT_FOUND',
        `reporting period "${name}" is not closed in plan "${planId}" (closed: ${plan.periods.map((p) => p.name).join(', ') || 'none'})`,
        { field: 'period' },
      );
    return {
      since: i === 0 ? new Date(0).toISOString() : new Date(plan.periods[i - 1].endsAt).toISOString(),
      until: new Date(plan.periods[i].endsAt).toISOString(),
    };
  }

  @Query(() => [RatePointType], {
    description: 'Implementation rate of a plan (or of one axis or commitment) over time, by effective date, as known now.',
  })
  async rateHistory(
    @Args('planId', { type: () => ID, description: 'The plan.' }) planId: string,
    @Args('commitmentId', { type: () => ID, nullable: true, description: 'Only this commitment of the plan.' })
    commitmentId: string | undefined,
    @Args('axisId', { type: () => ID, nullable: true, description: 'Only this axis of the plan.' }) axisId: string | undefined,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true, description: 'Default: 2 years before `to`.' }) from: Date | undefined,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true, description: 'Default: now.' }) to: Date | undefined,
    @Args('interval', {
      type: () => HistoryIntervalEnum,
      nullable: true,
      defaultValue: HistoryIntervalEnum.month,
      description: 'Spacing of the points.',
    })
    given: HistoryIntervalEnum | null,
  ): Promise<RatePointType[]> {
    const interval = given ?? HistoryIntervalEnum.month; // null: not given
    const end = to ?? new Date();
    const start = from ?? new Date(Date.UTC(end.getUTCFullYear() - 2, end.getUTCMonth(), end.getUTCDate()));
    if (start > end)
      throw LedgerError.validation([
        { field: 'from', rule: 'beforeTo', message: `from must not be after to (${start.toISOString()} > ${end.toISOString()})` },
      ]);
    const days = (end.getTime() - start.getTime()) / 86_400_000;
    const perInterval = { day: 1, week: 7, month: 28, quarter: 90 }[interval];
    if (days / perInterval > MAX_POINTS)
      throw LedgerError.validation([
        { field: 'interval', rule: 'maxPoints', message: `at most ${MAX_POINTS} points: widen the interval or shorten the range` },
      ]);
    const points: RatePoint[] = await this.queryBus.execute(
      new GetRateHistory({ planId, commitmentId, axisId, from: start.toISOString(), to: end.toISOString(), interval }),
    );
    return points.map((p) => ({ at: new Date(p.at), implementationRate: p.implementationRate }));
  }
}
