import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { LIMITS } from '@ledger/domain';
import { ActionKindEnum, ActivityStatusEnum } from '../types/enums';
import { CommandEnvelopeInput } from './command-envelope.input';
import { Id, Number1, OptionalText, Progress, Slug, Text, Weight } from './validators';

@InputType({ description: 'Register a commitment under an axis of a plan (coordinator).' })
export class RegisterCommitmentInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The plan (its slug).' }) @Slug() planId: string;
  @Field(() => ID, { description: 'The axis (its slug).' }) @Slug() axisId: string;
  @Field(() => Int, { description: 'Number within the plan, from 1.' }) @Number1() number: number;
  @Field({ description: 'Title, as it will be published.' }) @Text() title: string;
  @Field({ description: 'Responsible organisation.' }) @Text() leadOrganisation: string;
  @Field({ nullable: true, description: 'The problem the commitment addresses.' }) @OptionalText() problem?: string;
  @Field({ nullable: true, description: 'What the commitment consists of.' }) @OptionalText() description?: string;
}

@InputType({ description: 'Plan a weighted activity in a commitment.' })
export class PlanActivityInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to the next number.' })
  @IsOptional()
  @Number1()
  number?: number;
  @Field({ description: 'Title, as it will be published.' }) @Text() title: string;
  @Field(() => Float, { description: 'Weight > 0.' }) @Weight() weight: number;
}

@InputType({ description: 'Change the weight of an activity (its share in the commitment rate).' })
export class SetActivityWeightInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => ID, { description: 'The activity ("<commitmentId>.<number>").' }) @Id() activityId: string;
  @Field(() => Float, { description: 'Weight > 0.' }) @Weight() weight: number;
}

@InputType({ description: 'Report progress on an activity; the band is derived from the figure when not given.' })
export class ReportActivityProgressInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => ID, { description: 'The activity ("<commitmentId>.<number>").' }) @Id() activityId: string;
  @Field(() => Float, { description: 'Percent 0–100.' }) @Progress() progress: number;
  @Field(() => ActivityStatusEnum, { nullable: true, description: 'Must contain the figure when given.' })
  @IsOptional()
  @IsEnum(ActivityStatusEnum, { message: 'status must be one of NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE' })
  status?: ActivityStatusEnum;
  @Field({ nullable: true, description: 'A note published with the figure (what the figure rests on).' }) @OptionalText() note?: string;
}

@InputType({ description: 'Correct a wrongly reported progress figure; the correction is a new event with its reason.' })
export class CorrectActivityProgressInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => ID, { description: 'The activity ("<commitmentId>.<number>").' }) @Id() activityId: string;
  @Field(() => Float, { description: 'Percent 0–100.' }) @Progress() progress: number;
  @Field(() => ActivityStatusEnum, {
    nullable: true,
    description: 'The band; must contain the figure when given (derived from it otherwise).',
  })
  @IsOptional()
  @IsEnum(ActivityStatusEnum, { message: 'status must be one of NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE' })
  status?: ActivityStatusEnum;
  @Field({ description: 'Why (published in the audit trail).' }) @Text(LIMITS.longTextMaxLength) reason: string;
}

@InputType({ description: 'Record an action done, not done (with a reason) or additional.' })
export class RecordActionInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => ID, { description: 'The activity ("<commitmentId>.<number>").' }) @Id() activityId: string;
  @Field(() => ActionKindEnum, { description: 'DONE, NOT_DONE or ADDITIONAL.' })
  @IsEnum(ActionKindEnum, { message: 'kind must be one of DONE, NOT_DONE, ADDITIONAL' })
  kind: ActionKindEnum;
  @Field({ description: 'What was (or was not) done.' }) @Text(LIMITS.longTextMaxLength) text: string;
  @Field({ nullable: true, description: 'Date as written (free text or ISO).' }) @OptionalText(LIMITS.shortTextMaxLength) date?: string;
  @Field({ nullable: true, description: 'Why it was not done (NOT_DONE), when known.' }) @OptionalText() reason?: string;
}

@InputType({ description: 'Retract an action recorded by mistake (a correction event with its reason).' })
export class RetractActionInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => ID, { description: 'The activity ("<commitmentId>.<number>").' }) @Id() activityId: string;
  @Field(() => ID, { description: 'The action to retract ("<activityId>.x<n>").' }) @Id() actionId: string;
  @Field({ description: 'Why (published in the audit trail).' }) @Text(LIMITS.longTextMaxLength) reason: string;
}

@InputType({ description: 'Log a communication action of a commitment (event, publication, campaign…).' })
export class LogCommunicationActionInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field({ description: 'What was done to communicate.' }) @Text(LIMITS.longTextMaxLength) action: string;
  @Field({ nullable: true, description: 'Date as written (free text or ISO).' }) @OptionalText(LIMITS.shortTextMaxLength) date?: string;
  @Field({ nullable: true, description: 'Target audience.' }) @OptionalText() target?: string;
  @Field({ nullable: true, description: 'Indicators of reach (e.g. "120 participants").' }) @OptionalText() indicators?: string;
}

@InputType({ description: 'Record results, contribution to the problem and/or next steps.' })
export class RecordOutcomeInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field({ nullable: true, description: 'Results after implementation.' }) @OptionalText() results?: string;
  @Field({ nullable: true, description: 'How the commitment contributed to solving the problem.' }) @OptionalText() contribution?: string;
  @Field({ nullable: true, description: 'Next steps planned.' }) @OptionalText() nextSteps?: string;
}

@InputType({ description: 'Suspend, resume or cancel an activity, with the reason.' })
export class ActivityLifecycleInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => ID, { description: 'The activity ("<commitmentId>.<number>").' }) @Id() activityId: string;
  @Field({ description: 'Why (published in the audit trail).' }) @Text(LIMITS.longTextMaxLength) reason: string;
}

@InputType({ description: "Assign or revoke a commitment's lead (coordinator). userId is the lead's token `sub`." })
export class LeadAssignmentInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The commitment ("<planId>.<number>").' }) @Id() commitmentId: string;
  @Field(() => ID, { description: "The user's token subject (`sub`)." }) @Id() userId: string;
}
