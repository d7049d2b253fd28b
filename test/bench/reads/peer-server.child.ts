import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import mercurius from 'mercurius';

/**
 * The peers of the read benchmark (issue 13), each in its own process like the app: a bare Fastify +
 * Mercurius + JIT server whose schema has the dashboard query's shape and whose resolver returns a
 * precomputed object (the app's own answer), or a plain Fastify route sending that answer.
 * argv: `mercurius | route`, the JSON file of the app's answer; prints the port on stdout.
 */
const PEER_SCHEMA = `
  enum ActivityStatus { NOT_STARTED LIMITED SUBSTANTIAL COMPLETE }
  type Activity { number: Int! weight: Float! progress: Float! status: ActivityStatus! }
  type Commitment { number: Int! title: String! implementationRate: Float activities: [Activity!]! }
  type Axis { title: String! implementationRate: Float }
  type Plan { title: String! implementationRate: Float axes: [Axis!]! commitments: [Commitment!]! }
  type Query { plan(id: ID!): Plan }
`;

async function main(): Promise<void> {
  const [kind, file] = process.argv.slice(2);
  const answer = JSON.parse(readFileSync(file, 'utf8')) as { data: { plan: unknown } };
  const app = Fastify({ logger: false });
  if (kind === 'mercurius') {
    await app.register(mercurius, { schema: PEER_SCHEMA, resolvers: { Query: { plan: () => answer.data.plan } }, jit: 1 });
  } else {
    app.post('/graphql', async () => answer);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${(app.server.address() as { port: number }).port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
