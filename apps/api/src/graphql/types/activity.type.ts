import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { IRM_COMPLETION_RULE } from '@ledger/domain';
import { asDate } from './date-field';
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
  @Field({ description: 'Title of the activity, as written in the plan.' })
  title: string;
  @Field(() => Float, { description: 'Weight wᵢ > 0 in the commitment rate Σwᵢpᵢ/Σwᵢ (weights need not sum to 1).' })
  weight: number;
  @Field(() => Float, { description: 'Latest reported progress pᵢ, percent 0–100, unrounded.' })
  progress: number;
  @Field(() => ActivityStatusEnum, { description: 'Status band of the progress figure.' })
  status: ActivityStatusEnum;
  @Field(() => ActivityLifecycleEnum, { description: 'Whether the activity is active, suspended or cancelled.' })
  lifecycle: ActivityLifecycleEnum;
  @Field({ nullable: true, description: 'Why the activity is suspended or cancelled.' })
  lifecycleReason?: string;
  @Field({ nullable: true, description: 'Business date of the progress figure in force (ISO 8601).' })
  progressEffectiveAt?: string;
  @Field(() => IrmCompletionEnum, {
    description: `OGP IRM completion level of this activity: its status band once a progress figure has been reported, NO_EVIDENCE before. ${IRM_COMPLETION_RULE}`,
  })
  irmCompletion: IrmCompletionEnum;
  @Field({
    nullable: true,
    description: 'The note the lead wrote with the progress figure in force (a correction keeps the note of the figure it corrects).',
  })
  note?: string;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    middleware: [asDate],
    description: 'When the ledger recorded the last event about this activity.',
  })
  lastUpdatedAt?: string;
  @Field({ nullable: true, description: 'Log position of the last event about this activity (decimal string).' })
  lastPosition?: string;
  @Field(() => [ActionEntryType], { description: 'Actions carried out (not retracted), oldest first.' })
  actionsDone: ActionEntryType[];
  @Field(() => [ActionEntryType], { description: 'Actions planned but not carried out, each with its reason.' })
  actionsNotDone: ActionEntryType[];
  @Field(() => [ActionEntryType], { description: 'Actions carried out beyond the plan.' })
  additionalActions: ActionEntryType[];
}

@ObjectType('CommunicationAction', { description: 'A communication action accompanying a commitment.' })
export class CommunicationActionType {
  @Field(() => ID, { description: 'Stable id within the commitment.' })
  id: string;
  @Field({ description: 'What was done to communicate (event, publication, campaign…).' })
  action: string;
  @Field({ nullable: true, description: 'Date as written (free text or ISO).' })
  date?: string;
  @Field({ nullable: true, description: 'Target audience.' })
  target?: string;
  @Field({ nullable: true, description: 'Indicators of reach, as written (e.g. "120 participants").' })
  indicators?: string;
}
