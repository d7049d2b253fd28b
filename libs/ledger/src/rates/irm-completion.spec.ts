import { activityIrmCompletion, commitmentIrmCompletion, type IrmActivityInput } from './irm-completion';

const a = (reported: boolean, status: IrmActivityInput['status'] = 'NOT_STARTED', lifecycle: IrmActivityInput['lifecycle'] = 'ACTIVE') => ({
  reported,
  status,
  lifecycle,
});

describe('activityIrmCompletion', () => {
  it('is NO_EVIDENCE for an activity without any progress report', () => {
    expect(activityIrmCompletion(a(false))).toBe('NO_EVIDENCE');
  });
  it('is NOT_STARTED for an activity reported at 0 %', () => {
    expect(activityIrmCompletion(a(true, 'NOT_STARTED'))).toBe('NOT_STARTED');
  });
  it.each(['LIMITED', 'SUBSTANTIAL', 'COMPLETE'] as const)('is the reported band %s', (band) => {
    expect(activityIrmCompletion(a(true, band))).toBe(band);
  });
});

describe('commitmentIrmCompletion', () => {
  it('is NO_EVIDENCE when no activity has a report', () => {
    expect(commitmentIrmCompletion([a(false), a(false)], 0)).toBe('NO_EVIDENCE');
  });
  it('is NO_EVIDENCE when only a cancelled activity was reported on', () => {
    expect(commitmentIrmCompletion([a(false), a(true, 'COMPLETE', 'CANCELLED')], 0)).toBe('NO_EVIDENCE');
  });
  it('is NOT_STARTED when an activity was reported at 0 %', () => {
    expect(commitmentIrmCompletion([a(true), a(false)], 0)).toBe('NOT_STARTED');
  });
  it.each([
    [0.4, 'NOT_STARTED'],
    [0.5, 'LIMITED'],
    [59.4, 'LIMITED'],
    [59.5, 'SUBSTANTIAL'],
    [89.4, 'SUBSTANTIAL'],
    [89.5, 'COMPLETE'],
    [100, 'COMPLETE'],
  ])('gives a rate of %p %% the level of its published figure: %s', (rate, level) => {
    expect(commitmentIrmCompletion([a(true, 'LIMITED')], rate)).toBe(level);
  });
});
