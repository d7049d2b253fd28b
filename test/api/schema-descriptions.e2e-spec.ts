import { getIntrospectionQuery } from 'graphql';
import { IRM_COMPLETION_RULE, RATE_FORMULA } from '@ledger/domain';
import { startTestApp, type TestApp } from '../support/test-app';

/** The schema is the public documentation: every type, field, argument and enum value says what it is. */

interface IntrospectedField {
  name: string;
  description: string | null;
  args?: Array<{ name: string; description: string | null }>;
}
interface IntrospectedType {
  name: string;
  kind: string;
  description: string | null;
  fields: IntrospectedField[] | null;
  inputFields: IntrospectedField[] | null;
  enumValues: Array<{ name: string; description: string | null }> | null;
}

const QUERY = `{ __schema { types { name kind description
  fields { name description args { name description } }
  inputFields { name description }
  enumValues { name description } } } }`;

describe('GraphQL schema descriptions', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()), 60_000);
  afterAll(() => t?.stop());

  it('describes every type, field and argument of the API', async () => {
    const res = await t.gql(QUERY, {}, 'anonymous');
    expect(res.errors).toBeUndefined();
    const types: IntrospectedType[] = res.data.__schema.types.filter(
      (ty: IntrospectedType) => !ty.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(ty.name),
    );
    const missing: string[] = [];
    for (const ty of types) {
      if (!ty.description?.trim() && !['Query', 'Mutation', 'Subscription'].includes(ty.name)) missing.push(ty.name);
      for (const f of [...(ty.fields ?? []), ...(ty.inputFields ?? [])]) {
        if (!f.description?.trim()) missing.push(`${ty.name}.${f.name}`);
        for (const a of f.args ?? []) if (!a.description?.trim()) missing.push(`${ty.name}.${f.name}(${a.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('states the rate formula on every rate and the IRM completion rule on every level (README "How it works")', async () => {
    const res = await t.gql(QUERY, {}, 'anonymous');
    const types: IntrospectedType[] = res.data.__schema.types;
    const field = (type: string, name: string) => types.find((ty) => ty.name === type)!.fields!.find((f) => f.name === name)!.description;
    for (const type of ['Plan', 'Axis', 'Commitment']) expect(field(type, 'implementationRate')).toContain(RATE_FORMULA);
    for (const type of ['Activity', 'Commitment']) expect(field(type, 'irmCompletion')).toContain(IRM_COMPLETION_RULE);
    expect(types.find((ty) => ty.name === 'IrmCompletion')!.description).toContain(IRM_COMPLETION_RULE);
  });

  it("answers GraphiQL's own introspection query outside production (docs and completion work)", async () => {
    const res = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {}, 'anonymous');
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.subscriptionType.name).toBe('Subscription');
  });
});
