import { Args, Field, Float, GraphQLISODateTime, ID, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerError } from '@ledger/domain';
import type { PlanChanges, ProjectedEvent, RatePoint } from '@ledger/projections';
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
  @Field(() => GraphQLISODateTime, { description: 'The instant, by effective date (end of an interval, or the end of the range).' })
  at: Date;
  @Field(() => Float, {
    nullable: true,
    description: 'The rate effective at that instant (as known at `knownAt`), percent 0–100, unrounded; null while nothing counted yet.',
  })
  implementationRate: number | null;
}

/** Rate history for charts, by effective date. */
@Resolver()
export class HistoryResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly readModels: ReadModelService,
  ) {}

  @Query(() => PlanChangesType, {
    description:
      'What moved between two dates, by effective date: the plan and commitment rates as of `since` and as of `until` (both as known at `knownAt`) and the events effective in between. Give `since`/`until`, or the name of a closed reporting `period` (from the end of the period before it to its end). Dates must lie in the years 1900–9999.',
  })
  async changes(
    @Args('planId', { type: () => ID, description: 'The plan.' }) planId: string,
    @Args('since', { type: () => GraphQLISODateTime, nullable: true, description: 'Start of the range (exclusive), by effective date.' })
    since: Date | undefined,
    @Args('until', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: 'End of the range (inclusive), by effective date. Default: now.',
    })
    until: Date | undefined,
    @Args('period', { type: () => String, nullable: true, description: 'Name of a closed reporting period, instead of since/until.' })
    period: string | undefined,
    @Args('knownAt', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: 'As the ledger knew it at this instant (events recorded up to it). Default: now.',
    })
    knownAt: Date | undefined,
  ): Promise<PlanChangesType> {
    const range = period ? this.periodRange(planId, period) : { since, until: until ?? new Date() };
    if (!range.since)
      throw LedgerError.validation([{ field: 'since', rule: 'required', message: 'since is required unless a period is named' }]);
    const result: PlanChanges<ProjectedEvent> = await this.queryBus.execute(
      new GetPlanChanges({ planId, since: range.since, until: range.until, knownAt }),
    );
    return {
      ...result,
      since: new Date(result.since),
      until: new Date(result.until),
      knownAt: result.knownAt === undefined ? undefined : new Date(result.knownAt),
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

  private periodRange(planId: string, name: string): { since: Date; until: Date } {
    const plan = this.readModels.views.plan(planId);
    if (!plan) throw LedgerError.notFound('plan', planId, 'planId');
    const i = plan.periods.findIndex((p) => p.name === name);
    if (i < 0)
      throw new LedgerError(
        'NOT_FOUND',
        `reporting period "${name}" is not closed in plan "${planId}" (closed: ${plan.periods.map((p) => p.name).join(', ') || 'none'})`,
        { field: 'period' },
      );
    return {
      since: i === 0 ? new Date(Date.UTC(1900, 0, 1)) : new Date(plan.periods[i - 1].endsAt),
      until: new Date(plan.periods[i].endsAt),
    };
  }

  @Query(() => [RatePointType], {
    description:
      'Implementation rate of a plan (or of one axis or commitment) over time, by effective date, as known at `knownAt` (default now): each point equals `plan(asOf: {effectiveAt: at, knownAt})`. At most 1,000 points; dates in the years 1900–9999.',
  })
  async rateHistory(
    @Args('planId', { type: () => ID, description: 'The plan.' }) planId: string,
    @Args('commitmentId', { type: () => ID, nullable: true, description: 'Only this commitment of the plan.' })
    commitmentId: string | undefined,
    @Args('axisId', { type: () => ID, nullable: true, description: 'Only this axis of the plan (mean of its commitments).' })
    axisId: string | undefined,
    @Args('from', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description:
        "First point. Default: the end of the first interval of the plan's period (e.g. 2018-01-31 for a 2018-2020 plan by month).",
    })
    from: Date | undefined,
    @Args('to', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: "Last point. Default: the end of the plan's period (else its last effective date).",
    })
    to: Date | undefined,
    @Args('interval', {
      type: () => HistoryIntervalEnum,
      nullable: true,
      defaultValue: HistoryIntervalEnum.month,
      description: 'Step between points; months and quarters keep the day of `from` and stay on month ends (01-31, 02-28, 03-31…).',
    })
    interval: HistoryIntervalEnum,
    @Args('knownAt', {
      type: () => GraphQLISODateTime,
      nullable: true,
      description: 'As the ledger knew it at this instant (events recorded up to it). Default: now.',
    })
    knownAt: Date | undefined,
  ): Promise<RatePointType[]> {
    const points: RatePoint[] = await this.queryBus.execute(
      new GetRateHistory({ planId, commitmentId, axisId, from, to, interval: interval ?? HistoryIntervalEnum.month, knownAt }),
    );
    return points.map((p) => ({ at: new Date(p.at), implementationRate: p.implementationRate }));
  }
}
