import { registerEnumType } from '@nestjs/graphql';
import { IRM_COMPLETION_RULE } from '@ledger/domain';

export enum ActivityStatusEnum {
  NOT_STARTED = 'NOT_STARTED',
  LIMITED = 'LIMITED',
  SUBSTANTIAL = 'SUBSTANTIAL',
  COMPLETE = 'COMPLETE',
}
registerEnumType(ActivityStatusEnum, {
  name: 'ActivityStatus',
  description: "The report's status band: NOT_STARTED 0 %, LIMITED 1–59 %, SUBSTANTIAL 60–90 %, COMPLETE 90–100 %.",
});

export enum ActivityLifecycleEnum {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActivityLifecycleEnum, {
  name: 'ActivityLifecycle',
  description: 'ACTIVE and SUSPENDED activities count in the commitment rate; CANCELLED ones do not.',
});

export enum ActionKindEnum {
  DONE = 'DONE',
  NOT_DONE = 'NOT_DONE',
  ADDITIONAL = 'ADDITIONAL',
}
registerEnumType(ActionKindEnum, {
  name: 'ActionKind',
  description:
    'DONE: an action carried out; NOT_DONE: planned but not carried out (with a reason); ADDITIONAL: carried out beyond the plan.',
});

export enum IrmCompletionEnum {
  NOT_STARTED = 'NOT_STARTED',
  LIMITED = 'LIMITED',
  SUBSTANTIAL = 'SUBSTANTIAL',
  COMPLETE = 'COMPLETE',
  NO_EVIDENCE = 'NO_EVIDENCE',
}
registerEnumType(IrmCompletionEnum, {
  name: 'IrmCompletion',
  description: `OGP Independent Reporting Mechanism completion levels: NOT_STARTED “Not started”, LIMITED “Limited”, SUBSTANTIAL “Substantial”, COMPLETE “Complete”, NO_EVIDENCE “No evidence available”. ${IRM_COMPLETION_RULE}`,
});
