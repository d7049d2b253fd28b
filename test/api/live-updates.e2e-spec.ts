import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { mustMutate } from '../support/ledger-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Live updates: GraphQL subscriptions over WebSocket at /graphql (graphql-transport-ws), sent after
 * the read models applied the change, limited like queries; and the developer tools around them.
 */

const P = 'live';
const MAX_PER_IP = 6;
const BUDGET = 100;

/** The next value a subscription yields that satisfies `accept` (no clock: the test waits for the condition). */
function nextValue<T>(
  client: Client,
  query: string,
  accept: (data: T) => boolean,
  variables: Record<string, unknown> = {},
): { value: Promise<T>; ready: Promise<void> } {
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const value = new Promise<T>((resolve, reject) => {
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (msg) => {
          if (msg.errors) return reject(new Error(msg.errors.map((e) => e.message).join('; ')));
          if (msg.data && accept(msg.data as T)) {
            unsubscribe();
            resolve(msg.data as T);
          }
        },
        error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
        complete: () => undefined,
      },
    );
  });
  // graphql-ws acknowledges the connection before the subscription starts: give the server that round trip.
  client.on('connected', () => setImmediate(markReady));
  return { value, ready };
}

describe('live updates over WebSocket', () => {
  let t: TestApp;
  let url: string;
  const clients: Client[] = [];
  const client = (connectionParams?: Record<string, unknown>): Client => {
    const c = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: false });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    // A small cost budget, so that a subscription can exceed it on this small ledger.
    t = await startTestApp({ env: { LEDGER_WS_MAX_PER_IP: String(MAX_PER_IP), LEDGER_QUERY_MAX_COST: String(BUDGET) } });
    await t.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/graphql`;
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'Plan', period: '2021-2023' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'a', number: 1, title: 'C1', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: `${P}.1`, title: 'Act', weight: 1 });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.stop();
  });

  it('sends the plan and the commitment to anonymous subscribers once the read models applied a write', async () => {
    const c = client();
    const plan = nextValue<{ planUpdated: { implementationRate: number; lastPosition: string } }>(
      c,
      `subscription($id: ID!) { planUpdated(planId: $id) { implementationRate lastPosition } }`,
      (d) => d.planUpdated.implementationRate === 40,
      { id: P },
    );
    const commitment = nextValue<{ commitmentUpdated: { activities: Array<{ progress: number; note: string }> } }>(
      c,
      `subscription { commitmentUpdated(id: "${P}.1") { activities { progress note } } }`,
      (d) => d.commitmentUpdated.activities[0].progress === 40,
    );
    await Promise.all([plan.ready, commitment.ready]);
    const written = await mustMutate(t, 'reportActivityProgress', {
      commitmentId: `${P}.1`,
      activityId: `${P}.1.1`,
      progress: 40,
      note: 'mi-parcours',
    });
    expect((await plan.value).planUpdated.lastPosition).toBe(written.position);
    expect((await commitment.value).commitmentUpdated.activities[0]).toEqual({ progress: 40, note: 'mi-parcours' });
  });

  it('refuses a subscription deeper than the query limit, with the same message as a query', async () => {
    let nested = 'id';
    for (let i = 0; i < 7; i++) nested = `commitments { axis { ${nested} } }`;
    const sub = nextValue(client(), `subscription { planUpdated(planId: "${P}") { axes { ${nested} } } }`, () => true);
    await expect(sub.value).rejects.toThrow(/depth limit of 12/);
  });

  it('refuses a subscription over the cost budget, reading its variables', async () => {
    const heavy = 'axes { commitments { activities { actionsDone { text } actionsNotDone { text } additionalActions { text } } } }';
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: ${heavy}`).join(' ');
    const query = `subscription($id: ID!) { planUpdated(planId: $id) { ${aliases} } }`;
    let error: unknown;
    await new Promise<void>((resolve) =>
      client().subscribe(
        { query, variables: { id: P } },
        { next: () => undefined, error: (e) => ((error = e), resolve()), complete: resolve },
      ),
    );
    expect(JSON.stringify(error)).toMatch(new RegExp(`too expensive: estimated cost \\d+ exceeds the budget of ${BUDGET}`));
  });

  it('closes a connection whose token is refused with 4403 (final: the client does not retry)', async () => {
    const closed = new Promise<number>((resolve) => {
      const c = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer not-a-jwt' },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined, // the refusal is what this test expects
        on: { closed: (e) => resolve((e as { code: number }).code) },
      });
      clients.push(c);
      c.subscribe(
        { query: `subscription { planUpdated(planId: "${P}") { id } }` },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    expect(await closed).toBe(4403);
  });

  it(`accepts at most ${MAX_PER_IP} open connections from one address`, async () => {
    const sockets: WebSocket[] = [];
    const open = () =>
      new Promise<number>((resolve) => {
        // From an address no other test uses, so that only these connections count against it.
        const ws = new WebSocket(url, 'graphql-transport-ws', { localAddress: '127.0.0.2' });
        sockets.push(ws);
        ws.on('error', () => undefined); // the refused one errors; its status is what the test reads
        ws.once('open', () => resolve(101));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      });
    const results: number[] = [];
    for (let i = 0; i < MAX_PER_IP + 1; i++) results.push(await open());
    expect(results).toEqual([...Array<number>(MAX_PER_IP).fill(101), 429]);
    for (const ws of sockets) ws.terminate();
  });

  it('serves GraphiQL and its scripts from this server, with no address elsewhere', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/graphiql' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/https?:\/\//);
    for (const src of page.body.match(/(?:src|href)="([^"]+)"/g)!.map((m) => m.split('"')[1])) {
      const asset = await t.app.inject({ method: 'GET', url: src });
      expect({ src, status: asset.statusCode }).toEqual({ src, status: 200 });
      expect(asset.body.length).toBeGreaterThan(100);
    }
  });
});
