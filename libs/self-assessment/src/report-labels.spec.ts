import { RATE_FORMULA } from '@ledger/domain';
import { REPORT_LABELS } from '@ledger/i18n';

describe('report labels', () => {
  it("state the English formula exactly as the API's schema does (RATE_FORMULA)", () => {
    expect(REPORT_LABELS.en.formula).toBe(RATE_FORMULA);
  });
  it('have the same keys in French, English and Arabic', () => {
    const keys = (lang: keyof typeof REPORT_LABELS) => Object.keys(REPORT_LABELS[lang]).sort();
    expect(keys('ar')).toEqual(keys('fr'));
    expect(keys('en')).toEqual(keys('fr'));
  });
});
