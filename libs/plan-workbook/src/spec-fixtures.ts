import type { PlanFile } from '@ledger/domain';

/** A small valid plan for specs: two axes, two commitments, three activities. */
export const smallPlan = (): PlanFile => ({
  plan: { id: 'demo-2024', country: 'Demo', title: 'Plan demo', period: '2024-2026', effectiveAt: '2024-01-01' },
  axes: [
    { id: 'transparence', title: 'Transparence' },
    { id: 'participation', title: 'Participation' },
  ],
  commitments: [
    {
      number: 1,
      axis: 'transparence',
      title: 'Portail de données ouvertes',
      leadOrganisation: 'Ministère',
      activities: [
        { number: 1, title: 'Inventaire', weight: 1, progress: 100, progressEffectiveAt: '2024-06-30' },
        { number: 2, title: 'Publication', weight: 3, progress: 20, status: 'LIMITED', progressEffectiveAt: '2024-06-30' },
      ],
      leads: ['amina'],
    },
    {
      number: 2,
      axis: 'participation',
      title: 'Budget participatif',
      leadOrganisation: 'Commune',
      activities: [{ number: 1, title: 'Consultation', weight: 1 }],
    },
  ],
});
