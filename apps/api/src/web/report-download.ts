import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDay, parseParams, REPORT_QUERY, type Gql } from '@ledger/web-ui';

/** The self-assessment report as a file, through the public `selfAssessmentReport` query. */
export async function sendReport(
  gql: Gql,
  req: FastifyRequest<{ Params: { id: string; format: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const format = req.params.format === 'html' ? 'HTML' : req.params.format === 'md' ? 'MD' : undefined;
  if (!format) return reply.code(404).type('text/plain; charset=utf-8').send('report formats: html, md');
  const params = parseParams(new URLSearchParams(req.url.split('?')[1] ?? ''));
  // The report speaks the page's language: French (its own), English or Arabic.
  const lang = params.lang === 'en' ? 'EN' : params.lang === 'ar' ? 'AR' : 'FR';
  const asOf = params.asOf && isDay(params.asOf) ? `${params.asOf}T23:59:59.999Z` : null;
  const res = await gql(REPORT_QUERY, { planId: req.params.id, asOf, format, lang });
  const text = (res.data as { selfAssessmentReport?: string } | undefined)?.selfAssessmentReport;
  if (!text)
    return reply
      .code(404)
      .type('text/plain; charset=utf-8')
      .send(res.errors?.[0]?.message ?? 'plan not found');
  const name = `${req.params.id}-self-assessment-${lang.toLowerCase()}${params.asOf ? `-${params.asOf}` : ''}.${req.params.format}`;
  return reply
    .type(format === 'HTML' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .send(text);
}
