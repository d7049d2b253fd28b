import type { CommonLabels } from '../common-labels';

/** Français — the wording of the published self-assessment report. */
export const FR_COMMON: CommonLabels = {
  plan: "Plan d'action",
  axis: 'Axe',
  commitment: 'Engagement',
  activity: 'Activité',
  weight: 'Poids',
  progress: 'Avancement',
  implementationRate: 'Taux de réalisation',
  leadOrganisation: 'Organisme responsable',
  bands: { NOT_STARTED: 'Non commencé', LIMITED: 'Limité (1-59%)', SUBSTANTIAL: 'Important (60-90%)', COMPLETE: 'Terminé (90-100%)' },
  lifecycle: { ACTIVE: 'En cours', SUSPENDED: 'Suspendue', CANCELLED: 'Annulée' },
  actionKinds: { DONE: 'Actions réalisées', NOT_DONE: 'Actions non réalisées', ADDITIONAL: 'Actions supplémentaires' },
  irm: {
    NOT_STARTED: 'Non commencé',
    LIMITED: 'Limité',
    SUBSTANTIAL: 'Substantiel',
    COMPLETE: 'Achevé',
    NO_EVIDENCE: 'Aucune preuve disponible',
  },
};
