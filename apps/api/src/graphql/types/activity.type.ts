import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IRM_COMPLETION_RULE } from '@ledger/domain';
import { ActivityLifecycleEnum, ActivityStatusEnum, IrmCompletionEnum } from './enums';

@ObjectType('ActionEntry', { description: 'An action recorded on an activity (retracted ones are not listed).' })
export class ActionEntryType {
  @Field(() => ID, { description: 'Stable id, `<activityId>.x<n>`.' })
  id: string;
  @Field({ description: 'What was (or was not) done, as written by the lead.' })
  text: string;
  @Field({ nullable: true, description: 'Date as written (free text or ISO).' })
  date?: string;
  @Field({ nullable: true, description: 'Why it was not done (NOT_DONE entries).' })
  reason?: string;
  @Field({ nullable: true, description: 'Business date of the record (ISO 8601).' })
  effectiveAt?: string;
}

@ObjectType('Activity', { description: 'A weighted activity of a commitment.' })
export class ActivityType {
  @Field(() => ID, { description: 'Stable id, `<commitmentId>.<number>` (e.g. "ma-2018-2020.4.3").' })
  id: string;
  @Field(() => Int, { description: 'Number within the commitment.' })
  number: number;
  @Field()
  title: string;
  @Field(() => Float, { description: 'Weight wᵢ > 0 in the commitment rate Σwᵢpᵢ/Σwᵢ (weights need not sum to 1).' })
  weight: number;
  @Field(() => Float, { description: 'Latest reported progress pᵢ, percent 0–100, unrounded.' })
  progress: number;
  @Field(() => ActivityStatusEnum, { description: 'Status band of the progress figure.' })
  status: ActivityStatusEnum;
  @Field(() => ActivityLifecycleEnum)
  lifecycle: ActivityLifecycleEnum;
  @Field({ nullable: true, description: 'Why the activity is suspended or cancelled.' })
  lifecycleReason?: string;
  @Field({ nullable: true, description: 'Business date of the progress figure in force (ISO 8601).' })
  progressEffectiveAt?: string;
  @Field({
    nullable: true,
    description: 'The note of the progress figure in force (a correction keeps the note of the figure it corrects).',
  })
  note?: string;
  @Field(() => IrmCompletionEnum, {
    description: `OGP IRM completion level of this activity: its status band once a progress figure has been reported, NO_EVIDENCE before. ${IRM_COMPLETION_RULE}`,
  })
  irmCompletion: IrmCompletionEnum;
  @Field(() => [ActionEntryType])
  actionsDone: ActionEntryType[];
  @Field(() => [ActionEntryType])
  actionsNotDone: ActionEntryType[];
  @Field(() => [ActionEntryType])
  additionalActions: ActionEntryType[];
}

@ObjectType('CommunicationAction', { description: 'A communication action accompanying a commitment.' })
export class CommunicationActionType {
  @Field(() => ID)
  id: string;
  @Field()
  action: string;
  @Field({ nullable: true, description: 'Date as written (free text or ISO).' })
  date?: string;
  @Field({ nullable: true, description: 'Target audience.' })
  target?: string;
  @Field({ nullable: true })
  indicators?: string;
}
