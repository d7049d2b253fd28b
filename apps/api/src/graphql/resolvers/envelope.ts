import { type CommandOptions } from '@ledger/core';
import type { CommandEnvelopeInput } from '../inputs/command-envelope.input';

export const envelope = ({ commandId, expectedVersion, effectiveAt }: CommandEnvelopeInput): CommandOptions => ({
  commandId,
  expectedVersion,
  effectiveAt,
});
