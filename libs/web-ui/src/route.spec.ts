import { hrefOf, parseParams, parseRoute, queryOf } from './route';

const params = (query: string) => parseParams(new URLSearchParams(query));

describe('page URLs', () => {
  it('reads every page from its path, and anything else as not found', () => {
    expect(parseRoute('/')).toEqual({ page: 'plans' });
    expect(parseRoute('/plan/ma-2018-2020')).toEqual({ page: 'plan', id: 'ma-2018-2020' });
    expect(parseRoute('/commitment/ma-2018-2020.7')).toEqual({ page: 'commitment', id: 'ma-2018-2020.7' });
    expect(parseRoute('/embed/commitment/ma-2018-2020.7')).toEqual({ page: 'embed-commitment', id: 'ma-2018-2020.7' });
    expect(parseRoute('/plan/a/b')).toEqual({ page: 'not-found' });
  });
  it('keeps valid parameters and drops invalid ones (a bad link still shows a page)', () => {
    expect(params('lang=ar&asOf=2019-12-31&band=LIMITED&sort=rate&dir=desc&q=portail')).toEqual({
      lang: 'ar',
      asOf: '2019-12-31',
      axis: undefined,
      band: 'LIMITED',
      q: 'portail',
      sort: 'rate',
      dir: 'desc',
    });
    expect(params('lang=de&asOf=2019-13-45&band=DONE&sort=evil&dir=up')).toMatchObject({
      lang: 'fr',
      asOf: undefined,
      band: undefined,
      sort: undefined,
      dir: undefined,
    });
  });
  it('writes only what differs from the defaults, encoded', () => {
    expect(queryOf({ lang: 'fr', sort: 'number', dir: 'asc' })).toBe('');
    expect(hrefOf({ page: 'plan', id: 'p' }, { lang: 'en', q: 'a&b' })).toBe('/plan/p?lang=en&q=a%26b');
  });
  it('round-trips: the URL of a view reads back as the same view', () => {
    const view = params('lang=en&asOf=2020-06-30&axis=integrite&band=COMPLETE&q=budget&sort=title&dir=desc');
    expect(params(queryOf(view).slice(1))).toEqual(view);
  });
});
