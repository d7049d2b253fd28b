import { barChart, lineChart } from './svg-charts';

const format = (v: number) => `${Math.round(v)} %`;

describe('SVG charts', () => {
  it('are images named by their title and described by their desc (aria-labelledby)', () => {
    const svg = barChart([{ label: '1', value: 84 }], { title: 'Rates <by axis>', desc: 'One bar per axis.', id: 'c1', format });
    expect(svg).toContain('role="img" aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">Rates &lt;by axis&gt;</title><desc id="c1-desc">One bar per axis.</desc>');
  });
  it('write every value as text, so a value is never told by the drawing alone', () => {
    expect(barChart([{ label: '1', value: 84.4 }], { title: 'T', format })).toContain('>84 %</text>');
    expect(
      lineChart(
        [
          { at: '2019-01-01T00:00:00Z', value: 10 },
          { at: '2020-01-01T00:00:00Z', value: 60 },
        ],
        { title: 'T', format },
      ),
    ).toContain('>60 %</text>');
  });
  it("label the 0–100 grid with the chart's own format, so the axis reads like the values (the page's language)", () => {
    const arabic = (v: number) => `${Math.round(v)}\u200e%\u200e`;
    const svg = lineChart([{ at: '2020-01-01T00:00:00Z', value: 50 }], { title: 'T', format: arabic });
    for (const v of [0, 25, 50, 75, 100]) expect(svg).toContain(`text-anchor="end" font-size="10">${v}\u200e%\u200e</text>`);
    expect(svg).not.toContain(' %</text>');
  });
  it('can leave the drawn title out when the page shows it as a caption', () => {
    const svg = barChart([], { title: 'Hidden', format, hideTitle: true });
    expect(svg).toContain('<title>Hidden</title>');
    expect(svg).not.toContain('font-weight="bold">Hidden</text>');
  });
});
