import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphqlSync } from 'graphql';
import { withPlainFieldReads } from './plain-fields';

// The resolver code-first Nest gives a plain field (same name, same behaviour).
function rootFieldResolver(root: Record<string, unknown>): unknown {
  return root.title;
}

describe('withPlainFieldReads', () => {
  const Plan = new GraphQLObjectType({
    name: 'Plan',
    fields: {
      title: { type: GraphQLString, resolve: rootFieldResolver },
      shout: { type: GraphQLString, resolve: (root: { title: string }) => root.title.toUpperCase() },
    },
  });
  const schema = withPlainFieldReads(
    new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { plan: { type: Plan, resolve: () => ({ title: 'Plan' }) } } }),
    }),
  );
  const fields = (schema.getType('Plan') as GraphQLObjectType).getFields();

  it("drops Nest's plain property reads, so the JIT reads the property inline", () => {
    expect(fields.title.resolve).toBeUndefined();
  });

  it('keeps every other resolver, and the answers stay the same', () => {
    expect(fields.shout.resolve).toBeDefined();
    expect((schema.getQueryType()!.getFields().plan.resolve as () => unknown)()).toEqual({ title: 'Plan' });
    expect(graphqlSync({ schema, source: '{ plan { title shout } }' }).data).toEqual({ plan: { title: 'Plan', shout: 'PLAN' } });
  });
});
