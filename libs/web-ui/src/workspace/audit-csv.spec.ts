import { auditCsv, flattenData } from './audit-csv';

const entry = (data: unknown, extra: Partial<{ type: string; position: string }> = {}) => ({
  position: extra.position ?? '7',
  stream: 'commitment-p.1',
  revision: 3,
  type: extra.type ?? 'ActivityProgressReported',
  schemaVersion: 1,
  effectiveAt: '2021-03-31T00:00:00.000Z',
  summary: 'Avancement 40 %',
  data,
  metadata: { actor: 'amina', role: 'lead', recordedAt: '2021-04-01T10:00:00.000Z', hash: 'ab' },
});

describe('the audit trail as flat CSV', () => {
  it('gives every payload field its own column, never JSON in a cell', () => {
    const csv = auditCsv([
      entry({ activityId: 'p.1.1', progress: 40, status: 'LIMITED' }),
      entry(
        { activityId: 'p.1.2', reason: 'double saisie', previous: { progress: 50 } },
        { type: 'ActivityProgressCorrected', position: '8' },
      ),
    ]).replace(/^\uFEFF/, '');
    const [header, first, second] = csv.trim().split('\r\n');
    expect(header.split(',')).toEqual([
      ...['position', 'stream', 'revision', 'type', 'schemaVersion', 'effectiveAt', 'summary'],
      ...['metadata.actor', 'metadata.role', 'metadata.recordedAt', 'metadata.commandId', 'metadata.correlationId', 'metadata.causationId'],
      ...['metadata.hash', 'metadata.prevHash', 'metadata.streamPrevHash'],
      ...['data.activityId', 'data.previous.progress', 'data.progress', 'data.reason', 'data.status'],
    ]);
    expect(first).toBe(
      '7,commitment-p.1,3,ActivityProgressReported,1,2021-03-31T00:00:00.000Z,Avancement 40 %,amina,lead,2021-04-01T10:00:00.000Z,,,,ab,,,p.1.1,,40,,LIMITED',
    );
    expect(second.endsWith('p.1.2,50,,double saisie,')).toBe(true);
    expect(csv).not.toContain('{');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = auditCsv([entry({ text: '=HYPERLINK("http://x")' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('joins lists of plain values and flattens nested objects with dots', () => {
    expect(flattenData({ a: [1, 2], b: { c: { d: 'x' } } })).toEqual({ 'data.a': '1; 2', 'data.b.c.d': 'x' });
  });
});
