import type { EN_WORKSPACE } from './en/workspace';

/**
 * The workspaces' labels (leads, coordinators, auditors): the English catalogue defines the keys,
 * French and Arabic are checked against them by the compiler.
 */
export type WorkspaceLabels = typeof EN_WORKSPACE;
