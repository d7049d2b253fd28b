import type { ExecutionResult } from 'graphql';

/** Something the client should know about a successful answer (it is still a success). */
export interface ResponseWarning {
  code: 'READ_MODELS_BEHIND' | 'READ_MODELS_STOPPED';
  message: string;
  /** The log position the answer is about (the write's). */
  position?: string;
}

/** Mercurius onResolution hook: the context's warnings go out in `extensions.warnings`. */
export async function warningsToExtensions(execution: ExecutionResult, context: { warnings?: ResponseWarning[] }): Promise<void> {
  if (!context.warnings?.length) return;
  (execution as { extensions?: Record<string, unknown> }).extensions = { ...execution.extensions, warnings: context.warnings };
}
