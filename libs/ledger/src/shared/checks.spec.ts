import { checks } from './checks';
import type { LedgerError } from './ledger-error';

const problemsOf = (run: () => void) => {
  try {
    run();
    return [];
  } catch (error) {
    return (error as LedgerError).details.problems as Array<{ field: string; rule: string; message: string }>;
  }
};

describe('texts: one rule for control, bidi-control and zero-width characters', () => {
  it.each([
    ['U+202E', 'a\u202Eb'],
    ['U+2066', 'a\u2066b\u2069'],
    ['U+200B', 'a\u200Bb'],
    ['U+FEFF', '\uFEFFab'],
    ['U+061C', 'a\u061Cb'],
  ])('refuses %s, naming the code point, under noControlCharacters', (codePoint, text) => {
    expect(problemsOf(() => checks().shortText('title', text).throwIfAny())).toEqual([
      { field: 'title', rule: 'noControlCharacters', message: expect.stringContaining(`found ${codePoint}`) },
    ]);
  });

  it('accepts Arabic and French text, tabs and line breaks', () => {
    expect(problemsOf(() => checks().longText('results', 'تقرير التقييم الذاتي\nRapport d’auto-évaluation\t84 %').throwIfAny())).toEqual(
      [],
    );
  });
});

describe('effective dates', () => {
  const latest = new Date('2021-06-30T12:01:00Z');
  it.each([
    ['1899-12-31', 'dateRange'],
    ['0001-01-01', 'dateRange'],
    ['2021-06-30T12:02:00Z', 'notInFuture'],
    ['2020-02-30', 'isoDate'],
    ['31/12/2020', 'isoDate'],
  ])('refuses %s (%s)', (value, rule) => {
    expect(problemsOf(() => checks().effectiveDate('effectiveAt', value, latest).throwIfAny())).toEqual([
      expect.objectContaining({ field: 'effectiveAt', rule }),
    ]);
  });

  it.each(['1900-01-01', '2021-06-30T12:00:30Z', '2020-02-29'])('accepts %s', (value) => {
    expect(problemsOf(() => checks().effectiveDate('effectiveAt', value, latest).throwIfAny())).toEqual([]);
  });
});
