/**
 * The report's status bands. Boundaries as published: NOT_STARTED 0, LIMITED 1–59,
 * SUBSTANTIAL 60–90, COMPLETE 90–100. Figures between the printed integers belong to the lower
 * band's open interval (0 < p < 60 is LIMITED). 90 belongs to both SUBSTANTIAL and COMPLETE: an
 * explicit band may be either; a derived band is COMPLETE.
 */
export const ACTIVITY_STATUSES = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const STATUS_RANGES: Record<ActivityStatus, { min: number; max: number; label: string }> = {
  NOT_STARTED: { min: 0, max: 0, label: '0' },
  LIMITED: { min: 0, max: 60, label: '1–59' },
  SUBSTANTIAL: { min: 60, max: 90, label: '60–90' },
  COMPLETE: { min: 90, max: 100, label: '90–100' },
};

/** The band a figure falls in when no band is given (90 → COMPLETE). */
export function deriveStatus(progress: number): ActivityStatus {
  if (progress <= 0) return 'NOT_STARTED';
  if (progress < 60) return 'LIMITED';
  if (progress < 90) return 'SUBSTANTIAL';
  return 'COMPLETE';
}

/** Whether an explicitly given band contains the figure. */
export function statusContains(status: ActivityStatus, progress: number): boolean {
  switch (status) {
    case 'NOT_STARTED':
      return progress === 0;
    case 'LIMITED':
      return progress > 0 && progress < 60;
    case 'SUBSTANTIAL':
      return progress >= 60 && progress <= 90;
    case 'COMPLETE':
      return progress >= 90 && progress <= 100;
    default: {
      const never: never = status;
      return never;
    }
  }
}
