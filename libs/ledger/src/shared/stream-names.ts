/**
 * Stream names `<category>-<id>`: the category has no dash, so EventStoreDB's `$ce-<category>`
 * works; ids may contain dashes and dots.
 */
export const STREAM_CATEGORIES = { plan: 'plan', commitment: 'commitment', access: 'access' } as const;
export type StreamCategory = keyof typeof STREAM_CATEGORIES;

export function streamName(category: StreamCategory, id: string): string {
  return `${STREAM_CATEGORIES[category]}-${id}`;
}

export function parseStreamName(stream: string): { category: string; id: string } {
  const dash = stream.indexOf('-');
  return dash < 0 ? { category: stream, id: '' } : { category: stream.slice(0, dash), id: stream.slice(dash + 1) };
}

/** Commitment ids are `<planId>.<number>`, activity ids `<commitmentId>.<number>` ("ma-2018-2020.4.3"). */
export const commitmentIdOf = (planId: string, number: number): string => `${planId}.${number}`;
export const activityIdOf = (commitmentId: string, number: number): string => `${commitmentId}.${number}`;
export const planIdOfCommitment = (commitmentId: string): string => commitmentId.slice(0, commitmentId.lastIndexOf('.'));
