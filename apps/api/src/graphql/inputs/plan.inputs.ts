import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsOptional } from 'class-validator';
import { CommandEnvelopeInput } from './command-envelope.input';
import { Slug, Text } from './validators';

@InputType({ description: 'Define a new plan (coordinator).' })
export class DefinePlanInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'Slug, e.g. "ma-2018-2020".' })
  @Slug()
  id: string;
  @Field({ description: 'Country (or local government) whose plan it is.' }) @Text() country: string;
  @Field({ description: 'Title, as it will be published.' }) @Text() title: string;
  @Field({ description: 'e.g. "2018-2020".' }) @Text() period: string;
}

@InputType({ description: 'Add a thematic axis to a plan (coordinator).' })
export class AddAxisInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The plan (its slug).' }) @Slug() planId: string;
  @Field(() => ID, { nullable: true, description: 'Slug; defaults to "axis-<n>".' })
  @IsOptional()
  @Slug()
  axisId?: string;
  @Field({ description: 'Title, as it will be published.' }) @Text() title: string;
}

@InputType({ description: 'Close a reporting period (coordinator), e.g. after a committee meeting.' })
export class CloseReportingPeriodInput extends CommandEnvelopeInput {
  @Field(() => ID, { description: 'The plan (its slug).' }) @Slug() planId: string;
  @Field({ description: 'Name of the period (e.g. "2020-S1").' }) @Text() name: string;
  @Field({ description: 'End of the period (ISO 8601).' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date or date-time, got $value' })
  endsAt: string;
}
