import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';

/**
 * Code-first Nest gives every field of an object type a resolver that reads the property of the
 * same name (`rootFieldResolver`): the same answer as GraphQL's default, but Mercurius's JIT then
 * calls a function per field instead of reading the property inline — ~400 calls for the
 * dashboard's plan query. This drops exactly those resolvers (issue 13, docs/adr/0013); fields
 * with middleware (`lastUpdatedAt`'s date), `@ResolveField`s and root fields keep theirs.
 */
export const withPlainFieldReads = (schema: GraphQLSchema): GraphQLSchema =>
  mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => (isPropertyRead(field.resolve) ? { ...field, resolve: undefined } : field),
  });

/** Nest's plain property read (object-type-definition.factory.ts `createFieldResolver`, no middleware). */
const isPropertyRead = (resolve: GraphQLFieldResolver<unknown, unknown> | undefined): boolean => resolve?.name === 'rootFieldResolver';
