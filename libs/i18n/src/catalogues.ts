import { AR_COMMON } from './ar/common';
import type { CommonLabels } from './common-labels';
import { EN_COMMON } from './en/common';
import { FR_COMMON } from './fr/common';
import type { Lang } from './langs';

/** One catalogue per language, the same keys in each (checked by the compiler). */
export const COMMON_LABELS: Record<Lang, CommonLabels> = { fr: FR_COMMON, en: EN_COMMON, ar: AR_COMMON };
