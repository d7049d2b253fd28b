import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { GraphQLISODateTime } from '@nestjs/graphql';
import { checks } from '@ledger/domain';

/** The years a date argument may name: no plan, report or audit question lies outside them. */
const EARLIEST = Date.UTC(1900, 0, 1);
const END = Date.UTC(10000, 0, 1);

function refuse(rule: string, message: string): never {
  throw new GraphQLError(`${message} (rule ${rule})`, { extensions: { rule } });
}

/**
 * DateTime arguments: an ISO 8601 date ("2020-12-31", midnight UTC) or date-time ("2020-12-31T23:59:59Z",
 * no zone meaning UTC), a real calendar date, within the years 1900–9999. Anything else is refused
 * while the request is validated (VALIDATION_FAILED, naming the rule), never read as a 500 or a null.
 */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') refuse('isoDate', `DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}`);
  const text = /T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/.test(value) ? `${value}Z` : value;
  if (!checks().isoDate('DateTime', text).ok)
    refuse(
      'isoDate',
      `DateTime must be an ISO 8601 date or date-time such as 2020-12-31 or 2020-12-31T23:59:59Z, got ${JSON.stringify(value)}`,
    );
  const time = Date.parse(text);
  if (time < EARLIEST || time >= END) refuse('dateRange', `DateTime must be within the years 1900–9999, got ${JSON.stringify(value)}`);
  return new Date(time);
}

export const StrictDateTime = new GraphQLScalarType({
  name: GraphQLISODateTime.name,
  description: `${GraphQLISODateTime.description} Accepted: an ISO 8601 date or date-time within the years 1900–9999.`,
  serialize: GraphQLISODateTime.serialize,
  parseValue: parseDateTime,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateTime(ast.value) : refuse('isoDate', 'DateTime must be a string')),
});

/** The schema with its DateTime scalar replaced by the strict one (resolvers untouched). */
export const withStrictDateTime = (schema: GraphQLSchema): GraphQLSchema =>
  mapSchema(schema, { [MapperKind.SCALAR_TYPE]: (type) => (type.name === StrictDateTime.name ? StrictDateTime : type) });
