import { existsSync, readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { LedgerError } from '@ledger/domain';
import { checkedInstant, rateHistory } from '@ledger/projections';
import { EVENT_STORE, readIntegrity, type EventStore } from '@ledger/event-store';
import { renderReport, type ReportFormat, type ReportInput, type ReportLang, type ReportProvenance } from '@ledger/self-assessment';
import { CLOCK, type Clock } from '../commands/clock';
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

/**
 * Builds the self-assessment report from the ledger: the current read models, or the plan as of
 * a date and its monthly rate series from the time-travel index (ADR 0007). The chart spans the
 * plan's own period (or its effective dates), up to the as-of date.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly readModels: ReadModelService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async render(request: ReportRequest): Promise<string> {
    return renderReport(await this.input(request), { format: request.format, lang: request.lang });
  }

  async input({ planId, asOf }: ReportRequest): Promise<ReportInput> {
    checkedInstant('asOf', asOf);
    const point = asOf === undefined ? undefined : endOfDay(asOf);
    const model = this.readModels.model;
    const plan = point ? model.planAsOf(planId, { effectiveAt: point }) : model.plan(planId);
    if (!plan) throw LedgerError.notFound('plan', planId, 'planId');
    return {
      plan,
      asOf: point,
      generatedAt: this.clock().toISOString(),
      rateHistory: rateHistory(model, { planId, to: point, interval: 'month' }),
      note: bundledNote(planId),
      provenance: await this.provenance(),
    };
  }

  /** The log position the read models reflect and the hash of the event there (the chain's head at that point). */
  private async provenance(): Promise<ReportProvenance | undefined> {
    const position = this.readModels.position;
    if (position === 0n) return undefined;
    for await (const event of this.store.readAll({ fromPosition: position, maxCount: 1 })) {
      const hash = readIntegrity(event.metadata)?.hash;
      if (event.position === position && hash) return { position: position.toString(), hash };
    }
    return undefined;
  }
}

/** The bundled plan's own disclaimer (its weights and exact figures are reconstructed), per language when it has them. */
function bundledNote(planId: string): ReportInput['note'] {
  const file = bundledPlanFile();
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as { plan?: { id?: string }; reconstructed?: ReportInput['note'] };
  return data.plan?.id === planId ? data.reconstructed : undefined;
}
