import { AR_COMMON } from './ar/common';
import { AR_REPORT } from './ar/report';
import { AR_WEB } from './ar/web';

import { EN_WEB } from './en/web';
import { FR_WEB } from './fr/web';
import type { WebLabels } from './web-labels';
import type { CommonLabels } from './common-labels';
import { EN_COMMON } from './en/common';
import { EN_REPORT } from './en/report';
import { FR_COMMON } from './fr/common';
import { FR_REPORT } from './fr/report';
import type { Lang } from './langs';
import type { ReportLabels } from './report-labels';

/** One catalogue per language, the same keys in each (checked by the compiler). */
export const COMMON_LABELS: Record<Lang, CommonLabels> = { fr: FR_COMMON, en: EN_COMMON, ar: AR_COMMON };

/** The self-assessment report's own wording. */
export const REPORT_LABELS: Record<Lang, ReportLabels> = { fr: FR_REPORT, en: EN_REPORT, ar: AR_REPORT };
/** The web pages' labels, one catalogue per language (same keys). */
export const WEB_LABELS: Record<Lang, WebLabels> = { fr: FR_WEB, en: EN_WEB, ar: AR_WEB };
