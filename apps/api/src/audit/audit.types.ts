import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsOptional } from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';
import { EVENT_SCHEMA_VERSIONS } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { AuditFilter } from '@ledger/projections';
import { Id, Slug } from '../graphql/inputs/validators';

const EVENT_TYPES = Object.keys(EVENT_SCHEMA_VERSIONS).sort();

@InputType('AuditFilter', { description: 'Which events to list; every given criterion must hold. Date bounds are inclusive.' })
export class AuditFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: "Events of this plan: the plan's own events, its commitments' events and its lead assignments.",
  })
  @IsOptional()
  @Slug()
  planId?: string;

  @Field(() => ID, { nullable: true, description: 'Events of this commitment ("<planId>.<number>") and its lead assignments.' })
  @IsOptional()
  @Id()
  commitmentId?: string;

  @Field(() => ID, { nullable: true, description: 'Events about this activity ("<commitmentId>.<number>").' })
  @IsOptional()
  @Id()
  activityId?: string;

  @Field({ nullable: true, description: "Events written by this user (the token's `sub`)." })
  @IsOptional()
  @Id()
  actor?: string;

  @Field(() => [String], { nullable: true, description: `Only these event types: ${EVENT_TYPES.join(', ')}.` })
  @IsOptional()
  @IsArray({ message: 'types must be a list of event types' })
  @ArrayMaxSize(EVENT_TYPES.length, { message: `types must list at most ${EVENT_TYPES.length} event types` })
  @IsIn(EVENT_TYPES, { each: true, message: `types must only contain known event types (${EVENT_TYPES.join(', ')}), got $value` })
  types?: string[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Recorded (known to the ledger) at or after this instant.' })
  @IsOptional()
  @IsDate({ message: 'recordedFrom must be a date-time' })
  recordedFrom?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Recorded at or before this instant.' })
  @IsOptional()
  @IsDate({ message: 'recordedTo must be a date-time' })
  recordedTo?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Effective (business date) at or after this instant.' })
  @IsOptional()
  @IsDate({ message: 'effectiveFrom must be a date-time' })
  effectiveFrom?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Effective (business date) at or before this instant.' })
  @IsOptional()
  @IsDate({ message: 'effectiveTo must be a date-time' })
  effectiveTo?: Date;
}

/** Null criteria are "not given" (the validation pipe drops them; `?? undefined` keeps this true for any caller). */
export function toAuditFilter(input: AuditFilterInput | undefined): AuditFilter {
  if (!input) return {};
  const { planId, commitmentId, activityId, actor, types } = input;
  const iso = (d: Date | undefined | null) => d?.toISOString();
  return {
    planId: planId ?? undefined,
    commitmentId: commitmentId ?? undefined,
    activityId: activityId ?? undefined,
    actor: actor ?? undefined,
    types: types ?? undefined,
    recordedFrom: iso(input.recordedFrom),
    recordedTo: iso(input.recordedTo),
    effectiveFrom: iso(input.effectiveFrom),
    effectiveTo: iso(input.effectiveTo),
  };
}

@ObjectType('EventMetadata', { description: 'Who wrote an event, when, and in answer to what (auditors and coordinators only).' })
export class EventMetadataType {
  @Field({ nullable: true, description: "The user who issued the command (the token's `sub`)." })
  actor?: string;
  @Field({ nullable: true, description: 'The role the command was issued under (coordinator, lead).' })
  role?: string;
  @Field({ nullable: true, description: 'The command that wrote the event (its idempotency key).' })
  commandId?: string;
  @Field({ nullable: true, description: 'Groups the events caused by one request (X-Correlation-Id, else the commandId).' })
  correlationId?: string;
  @Field({ nullable: true, description: 'What directly caused the event (the command id).' })
  causationId?: string;
  @Field(() => GraphQLISODateTime, { description: 'When the ledger recorded the event.' })
  recordedAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'The business date the event refers to.' })
  effectiveAt: Date;
  @Field({ nullable: true, description: "The event's integrity hash, when the ledger chains hashes." })
  hash?: string;
  @Field({
    nullable: true,
    description: 'Hash of the previous event of the log this hash is chained to (embedded store; EventStoreDB chains per stream only).',
  })
  prevHash?: string;
  @Field({ nullable: true, description: 'Hash of the previous event of the same stream this hash is chained to.' })
  streamPrevHash?: string;
}

@ObjectType('AuditEntry', { description: 'One stored event, as written (nothing in the ledger is ever edited or deleted).' })
export class AuditEntryType {
  @Field({ description: 'Position in the log (decimal string); also the cursor of this entry.' })
  position: string;
  @Field({ description: 'The stream it belongs to, e.g. "commitment-ma-2018-2020.4".' })
  stream: string;
  @Field(() => Int, { description: 'Its revision within the stream, from 0.' })
  revision: number;
  @Field({ description: 'Stored event type, e.g. "ActivityProgressCorrected".' })
  type: string;
  @Field(() => Int, { description: 'Schema version of the payload.' })
  schemaVersion: number;
  @Field(() => GraphQLJSON, { description: 'The payload as stored.' })
  data: unknown;
  @Field(() => GraphQLISODateTime, { description: 'The business date the event refers to (public).' })
  effectiveAt: Date;
  @Field(() => EventMetadataType, { nullable: true, description: 'Who and when; null unless the caller is an auditor or a coordinator.' })
  metadata: EventMetadataType | null;
}

@ObjectType('AuditEdge', { description: 'An audit entry and its cursor.' })
export class AuditEdgeType {
  @Field({ description: 'Pass as `after` to continue after this entry.' })
  cursor: string;
  @Field(() => AuditEntryType, { description: 'The entry.' })
  node: AuditEntryType;
}

@ObjectType('PageInfo', { description: 'Where a page ends and whether more follow.' })
export class PageInfoType {
  @Field({ description: 'True when more matching entries follow this page (after its last entry).' })
  hasNextPage: boolean;
  @Field({ description: 'True when matching entries precede this page (before its first entry).' })
  hasPreviousPage: boolean;
  @Field(() => String, {
    nullable: true,
    description: "The first entry's cursor (auditTrail takes it as `before`); null on an empty page.",
  })
  startCursor: string | null;
  @Field(() => String, { nullable: true, description: "The last entry's cursor (pass it as `after`); null on an empty page." })
  endCursor: string | null;
}

@ObjectType('AuditConnection', { description: 'A page of the audit trail, oldest first.' })
export class AuditConnectionType {
  @Field(() => [AuditEdgeType], { description: 'The entries of this page, in log order.' })
  edges: AuditEdgeType[];
  @Field(() => PageInfoType, { description: 'Paging information.' })
  pageInfo: PageInfoType;
  @Field(() => Int, { description: 'Number of entries matching the filter, over all pages.' })
  totalCount: number;
}

/** A stored event as an audit entry; `showMetadata` false hides who and when (anonymous callers). */
export function auditEntryOf(event: RecordedEvent, showMetadata: boolean): AuditEntryType {
  const schemaVersion = event.metadata.schemaVersion;
  // The business date is public; when it was recorded and by whom are metadata (auditors, coordinators).
  const { effectiveAt } = metadataOf(event);
  return {
    effectiveAt,
    position: event.position.toString(),
    stream: event.stream,
    revision: Number(event.revision),
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: showMetadata ? (event.data ?? {}) : publicData(event),
    metadata: showMetadata ? metadataOf(event) : null,
  };
}

/** Identities stay out of the public trail: a lead assignment shows the commitment, not the user. */
function publicData(event: RecordedEvent): unknown {
  if (event.type !== 'LeadAssigned' && event.type !== 'LeadRevoked') return event.data ?? {};
  const { userId: _hidden, ...rest } = event.data as { userId?: string };
  return rest;
}

function metadataOf({ metadata, created }: RecordedEvent): EventMetadataType {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined);
  const recordedAt = date(metadata.recordedAt) ?? created;
  const integrity = metadata.integrity;
  return {
    actor: text(metadata.actor),
    role: text(metadata.role),
    commandId: text(metadata.commandId),
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
    recordedAt,
    effectiveAt: date(metadata.effectiveAt) ?? recordedAt,
    ...hashLinks(integrity, text),
  };
}

/** The event's hash and the two it is chained to, when the store sealed it. */
function hashLinks(
  integrity: unknown,
  text: (v: unknown) => string | undefined,
): Pick<EventMetadataType, 'hash' | 'prevHash' | 'streamPrevHash'> {
  if (typeof integrity !== 'object' || integrity === null) return {};
  const links = integrity as Record<string, unknown>;
  return { hash: text(links.hash), prevHash: text(links.prevHash), streamPrevHash: text(links.streamPrevHash) };
}
