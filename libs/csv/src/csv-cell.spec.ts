import { csvCell, csvRow, neutraliseFormula } from './csv-cell';

describe('CSV cells', () => {
  it.each(['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'])(
    'neutralises %j so a spreadsheet shows it as text',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it('leaves ordinary text, numbers written as text and JSON alone', () => {
    expect(['Rapport', '84', '{"a":1}', 'a=b', ''].map(neutraliseFormula)).toEqual(['Rapport', '84', '{"a":1}', 'a=b', '']);
  });

  it('quotes cells with quotes, commas or line breaks, after neutralising', () => {
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes null and undefined as empty cells and objects as JSON', () => {
    expect(csvRow([null, undefined, 3, { a: 1 }])).toBe(',,3,"{""a"":1}"');
  });
});
