import { toCsv } from './csv';

describe('CSV export of a table', () => {
  it('neutralises cells a spreadsheet would run, quotes what needs it, ends lines with CRLF, starts with a BOM', () => {
    expect(toCsv([['=1+1', 'a,b', 'say "hi"', null, 7]])).toBe(`\uFEFF'=1+1,"a,b","say ""hi""",,7\r\n`);
  });
});
