import { AR_WORKSPACE } from './ar/workspace';
import { EN_WORKSPACE } from './en/workspace';
import { FR_WORKSPACE } from './fr/workspace';
import type { Lang } from './langs';
import type { WorkspaceLabels } from './workspace-labels';

/**
 * The workspaces' labels (leads, coordinators, auditors), one catalogue per language (same keys).
 * A module of its own: the public pages' bundle never carries it.
 */
export const WORKSPACE_LABELS: Record<Lang, WorkspaceLabels> = { fr: FR_WORKSPACE, en: EN_WORKSPACE, ar: AR_WORKSPACE };
