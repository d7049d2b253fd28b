import { AR_WORKSPACE } from './workspace';

/**
 * Two ar-MA percentages around "←" form one left-to-right run unless each is isolated (Intl marks
 * its "%"), and the line then reads backwards: "before ← after" must keep "before" at the right.
 */
describe('Arabic workspace labels that show a rate moving', () => {
  const before = '60\u00a0‎%‎';
  const after = '90\u00a0‎%‎';
  it.each([
    ['rateMove', AR_WORKSPACE.rateMove],
    ['previewCommitment', AR_WORKSPACE.previewCommitment],
    ['previewPlan', AR_WORKSPACE.previewPlan],
    ['beforeAfter', AR_WORKSPACE.beforeAfter],
  ])('%s isolates each figure', (_name, label) => {
    const line = label(before, after);
    expect(line).toContain(`\u2068${before}\u2069 ← \u2068${after}\u2069`);
  });
});
