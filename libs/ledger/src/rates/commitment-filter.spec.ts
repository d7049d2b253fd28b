import { matchesCommitmentFilter, type FilterableCommitment } from './commitment-filter';

const commitment = (over: Partial<FilterableCommitment> = {}): FilterableCommitment => ({
  axisId: 'axis-1',
  title: "Réalisation d'un portail de données ouvertes",
  leadOrganisation: 'Ministère de la Réforme',
  activities: [
    { status: 'COMPLETE', lifecycle: 'ACTIVE' },
    { status: 'LIMITED', lifecycle: 'CANCELLED' },
  ],
  ...over,
});

describe('matchesCommitmentFilter', () => {
  it('keeps everything with an empty filter', () => {
    expect(matchesCommitmentFilter(commitment(), {})).toBe(true);
  });
  it('keeps only the given axis (from axisId or axis.id)', () => {
    expect(matchesCommitmentFilter(commitment(), { axisId: 'axis-2' })).toBe(false);
    expect(matchesCommitmentFilter(commitment({ axisId: undefined, axis: { id: 'axis-2' } }), { axisId: 'axis-2' })).toBe(true);
  });
  it('keeps a commitment with an activity in the band, ignoring cancelled activities', () => {
    expect(matchesCommitmentFilter(commitment(), { band: 'COMPLETE' })).toBe(true);
    expect(matchesCommitmentFilter(commitment(), { band: 'LIMITED' })).toBe(false);
  });
  it('finds every word of the search in the title or lead organisation, ignoring case and accents', () => {
    expect(matchesCommitmentFilter(commitment(), { search: 'REALISATION portail' })).toBe(true);
    expect(matchesCommitmentFilter(commitment(), { search: 'reforme' })).toBe(true);
    expect(matchesCommitmentFilter(commitment(), { search: 'portail budget' })).toBe(false);
  });
  it('treats a blank search as no search', () => {
    expect(matchesCommitmentFilter(commitment(), { search: '   ' })).toBe(true);
  });
});
