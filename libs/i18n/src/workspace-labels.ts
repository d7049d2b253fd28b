import type { EN_WORKSPACE } from './en/workspace';
import type { EN_WORKSPACE_AUDIT } from './en/workspace-audit';
import type { EN_WORKSPACE_COORDINATOR } from './en/workspace-coordinator';

/**
 * The workspaces' labels (leads, coordinators, auditors): the English catalogue defines the keys,
 * French and Arabic are checked against them by the compiler.
 */
export type WorkspaceLabels = typeof EN_WORKSPACE;
/** The coordinator workspace's part of the catalogue (one file per language). */
export type WorkspaceCoordinatorLabels = typeof EN_WORKSPACE_COORDINATOR;
/** The audit workspace's part of the catalogue (one file per language). */
export type WorkspaceAuditLabels = typeof EN_WORKSPACE_AUDIT;
