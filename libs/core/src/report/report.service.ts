import { existsSync, readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { LedgerError } from '@ledger/domain';
import { rateHistory, readModelAsOf } from '@ledger/projections';
import { renderReport, type ReportFormat, type ReportInput, type ReportLang } from '@ledger/self-assessment';
import { CLOCK, type Clock } from '../commands/clock';
import { PlanHistoryReader } from '../history/plan-history.reader';
import { bundledPlanFile } from '../import/repo-root';
import { ReadModelService } from '../projections/read-model.service';

export interface ReportRequest {
  planId: string;
  /** The report as it would have been on that date (facts effective by its end). */
  asOf?: string;
  format: ReportFormat;
  lang: ReportLang;
}

const endOfDay = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59.999Z` : new Date(date).toISOString());

/** Builds the self-assessment report from the ledger: current read models, or as of a date. */
@Injectable()
export class ReportService {
  constructor(
    private readonly history: PlanHistoryReader,
    private readonly readModels: ReadModelService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async render(request: ReportRequest): Promise<string> {
    return renderReport(await this.input(request), { format: request.format, lang: request.lang });
  }

  async input({ planId, asOf }: ReportRequest): Promise<ReportInput> {
    if (asOf !== undefined && Number.isNaN(Date.parse(asOf))) {
      throw LedgerError.validation([
        { field: 'asOf', rule: 'isoDate', message: `asOf must be an ISO 8601 date, got ${JSON.stringify(asOf)}` },
      ]);
    }
    const events = await this.history.planEvents(planId);
    const point = asOf === undefined ? undefined : endOfDay(asOf);
    const plan = point ? readModelAsOf(events, { effectiveAt: point }).plan(planId) : this.readModels.model.plan(planId);
    if (!plan) throw LedgerError.notFound('plan', planId, 'planId');
    const dates = events.map((e) => Date.parse(String(e.metadata.effectiveAt))).filter((t) => !Number.isNaN(t));
    const now = this.clock().getTime();
    const from = new Date(Math.min(...dates, now)).toISOString();
    const to = point ?? new Date(Math.min(Math.max(...dates, Date.parse(from)), now)).toISOString();
    return {
      plan,
      asOf: point,
      generatedAt: new Date(now).toISOString(),
      rateHistory: rateHistory(events, { planId, from, to, interval: 'month' }),
      note: bundledNote(planId),
    };
  }
}

/** The bundled plan's own disclaimer (its weights and exact figures are reconstructed). */
function bundledNote(planId: string): string | undefined {
  const file = bundledPlanFile();
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as { plan?: { id?: string }; reconstructed?: string };
  return data.plan?.id === planId ? data.reconstructed : undefined;
}
