import { AR_SUMMARY } from './ar/summary';
import { EN_SUMMARY } from './en/summary';
import { FR_SUMMARY } from './fr/summary';
import type { Lang } from './langs';
import type { SummaryLabels } from './summary-labels';

/**
 * The audit trail's summary lines, one catalogue per language (same keys). A module of its own:
 * the server writes the lines (GraphQL `AuditEntry.summary`), no page bundle needs it.
 */
export const SUMMARY_LABELS: Record<Lang, SummaryLabels> = { fr: FR_SUMMARY, en: EN_SUMMARY, ar: AR_SUMMARY };
