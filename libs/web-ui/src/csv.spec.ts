import { neutralise, toCsv } from './csv';

describe('CSV export', () => {
  it.each(['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %p so a spreadsheet shows it as text', (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
  });
  it('leaves ordinary text alone', () => {
    expect(neutralise('Portail 2.0 — 100 %')).toBe('Portail 2.0 — 100 %');
  });
  it('quotes commas, quotes and line breaks; ends lines with CRLF; starts with a BOM', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', null, 7]])).toBe('\uFEFF"a,b","say ""hi""","two\nlines",,7\r\n');
  });
});
