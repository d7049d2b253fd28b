import type { CommonLabels } from '../common-labels';

/** English. IRM levels use OGP's own English names. */
export const EN_COMMON: CommonLabels = {
  plan: 'Action plan',
  axis: 'Axis',
  commitment: 'Commitment',
  activity: 'Activity',
  weight: 'Weight',
  progress: 'Progress',
  implementationRate: 'Implementation rate',
  leadOrganisation: 'Lead organisation',
  bands: { NOT_STARTED: 'Not started', LIMITED: 'Limited (1-59%)', SUBSTANTIAL: 'Substantial (60-90%)', COMPLETE: 'Complete (90-100%)' },
  lifecycle: { ACTIVE: 'Active', SUSPENDED: 'Suspended', CANCELLED: 'Cancelled' },
  actionKinds: { DONE: 'Actions carried out', NOT_DONE: 'Actions not carried out', ADDITIONAL: 'Additional actions' },
  irm: {
    NOT_STARTED: 'Not started',
    LIMITED: 'Limited',
    SUBSTANTIAL: 'Substantial',
    COMPLETE: 'Complete',
    NO_EVIDENCE: 'No evidence available',
  },
};
