import type { CommandOptions } from '../../commands/execute-ledger-command';
import type { CommandEnvelopeInput } from '../inputs/command-envelope.input';

export const envelope = ({ commandId, expectedVersion, effectiveAt }: CommandEnvelopeInput): CommandOptions => ({
  commandId,
  expectedVersion,
  effectiveAt,
});
