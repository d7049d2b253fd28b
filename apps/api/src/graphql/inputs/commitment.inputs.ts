import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { LIMITS } from '@ledger/domain';
import { ActionKindEnum, ActivityStatusEnum } from '../types/enums';
import { CommandEnvelopeInput } from './command-envelope.input';
import { Id, Number1, OptionalText, Progress, Slug, Text, Weight } from './validators';

@InputType({ description: 'Register a commitment under an axis of a plan (coordinator).' })
export class RegisterCommitmentInput extends CommandEnvelopeInput {
  @Field(() => ID) @Slug() planId: string;
  @Field(() => ID) @Slug() axisId: string;
  @Field(() => Int) @Number1() number: number;
  @Field() @Text() title: string;
  @Field({ description: 'Responsible organisation.' }) @Text() leadOrganisation: string;
  @Field({ nullable: true }) @OptionalText() problem?: string;
  @Field({ nullable: true }) @OptionalText() description?: string;
}

@InputType({ description: 'Plan a weighted activity in a commitment.' })
export class PlanActivityInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to the next number.' })
  @IsOptional()
  @Number1()
  number?: number;
  @Field() @Text() title: string;
  @Field(() => Float, { description: 'Weight > 0.' }) @Weight() weight: number;
}

@InputType()
export class SetActivityWeightInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => ID) @Id() activityId: string;
  @Field(() => Float, { description: 'Weight > 0.' }) @Weight() weight: number;
}

@InputType({ description: 'Report progress on an activity; the band is derived from the figure when not given.' })
export class ReportActivityProgressInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => ID) @Id() activityId: string;
  @Field(() => Float, { description: 'Percent 0–100.' }) @Progress() progress: number;
  @Field(() => ActivityStatusEnum, { nullable: true, description: 'Must contain the figure when given.' })
  @IsOptional()
  @IsEnum(ActivityStatusEnum, { message: 'status must be one of NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE' })
  status?: ActivityStatusEnum;
  @Field({ nullable: true }) @OptionalText() note?: string;
}

@InputType({ description: 'Correct a wrongly reported progress figure; the correction is a new event with its reason.' })
export class CorrectActivityProgressInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => ID) @Id() activityId: string;
  @Field(() => Float) @Progress() progress: number;
  @Field(() => ActivityStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ActivityStatusEnum, { message: 'status must be one of NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE' })
  status?: ActivityStatusEnum;
  @Field() @Text(LIMITS.longTextMaxLength) reason: string;
}

@InputType({ description: 'Record an action done, not done (with a reason) or additional.' })
export class RecordActionInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => ID) @Id() activityId: string;
  @Field(() => ActionKindEnum)
  @IsEnum(ActionKindEnum, { message: 'kind must be one of DONE, NOT_DONE, ADDITIONAL' })
  kind: ActionKindEnum;
  @Field() @Text(LIMITS.longTextMaxLength) text: string;
  @Field({ nullable: true, description: 'Date as written (free text or ISO).' }) @OptionalText(LIMITS.shortTextMaxLength) date?: string;
  @Field({ nullable: true, description: 'Why it was not done (NOT_DONE), when known.' }) @OptionalText() reason?: string;
}

@InputType({ description: 'Retract an action recorded by mistake (a correction event with its reason).' })
export class RetractActionInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => ID) @Id() activityId: string;
  @Field(() => ID) @Id() actionId: string;
  @Field() @Text(LIMITS.longTextMaxLength) reason: string;
}

@InputType()
export class LogCommunicationActionInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field() @Text(LIMITS.longTextMaxLength) action: string;
  @Field({ nullable: true, description: 'Date as written (free text or ISO).' }) @OptionalText(LIMITS.shortTextMaxLength) date?: string;
  @Field({ nullable: true, description: 'Target audience.' }) @OptionalText() target?: string;
  @Field({ nullable: true }) @OptionalText() indicators?: string;
}

@InputType({ description: 'Record results, contribution to the problem and/or next steps.' })
export class RecordOutcomeInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field({ nullable: true }) @OptionalText() results?: string;
  @Field({ nullable: true }) @OptionalText() contribution?: string;
  @Field({ nullable: true }) @OptionalText() nextSteps?: string;
}

@InputType({ description: 'Suspend, resume or cancel an activity, with the reason.' })
export class ActivityLifecycleInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => ID) @Id() activityId: string;
  @Field() @Text(LIMITS.longTextMaxLength) reason: string;
}

@InputType({ description: "Assign or revoke a commitment's lead (coordinator). userId is the lead's token `sub`." })
export class LeadAssignmentInput extends CommandEnvelopeInput {
  @Field(() => ID) @Id() commitmentId: string;
  @Field(() => ID, { description: "The user's token subject (`sub`)." }) @Id() userId: string;
}
