import { buildSchema, parse } from 'graphql';
import { ReadModelService } from '@ledger/core';
import { InMemoryEventStore } from '@ledger/event-store';
import type { ProjectedEvent } from '@ledger/projections';
import { withStrictDateTime } from '../date-time.scalar';
import { CostCache } from './cost-cache';

const schema = withStrictDateTime(
  buildSchema(`
    scalar DateTime
    input AsOf { knownAt: DateTime effectiveAt: DateTime }
    type RatePoint { at: DateTime! }
    type Commitment { id: ID! }
    type Plan { id: ID! commitments: [Commitment!]! }
    type Query {
      plan(id: ID!, asOf: AsOf): Plan
      rateHistory(planId: ID!, from: DateTime, to: DateTime): [RatePoint!]!
    }
  `),
);

function ledger(): { readModels: ReadModelService; write(stream: string, type: string, data: unknown): void } {
  const readModels = new ReadModelService(new InMemoryEventStore());
  const write = (stream: string, type: string, data: unknown) => {
    const event: ProjectedEvent = {
      position: readModels.position + 1n,
      stream,
      revision: 0n,
      type,
      data,
      metadata: { schemaVersion: 1, recordedAt: '2021-01-01T00:00:00.000Z', effectiveAt: '2021-01-01T00:00:00.000Z' },
    };
    readModels.model.apply(event);
    readModels.events++;
  };
  write('plan-p', 'PlanDefined', { planId: 'p', country: 'X', title: 'P', period: '2020' });
  write('plan-p', 'AxisAdded', { planId: 'p', axisId: 'a', title: 'A', order: 1 });
  return { readModels, write };
}
const register = (n: number) => ({ commitmentId: `p.${n}`, planId: 'p', axisId: 'a', number: n, title: `C${n}`, leadOrganisation: 'O' });

describe('CostCache: an estimate per document, variables and log position', () => {
  const timeTravel = parse('query($at: DateTime) { plan(id: "p", asOf: { effectiveAt: $at }) { commitments { id } } }');

  it('answers the same document and variables at the same position from the cache', () => {
    const { readModels } = ledger();
    const costs = new CostCache(readModels, () => new Date('2021-06-30T00:00:00Z'));
    const first = costs.estimate(schema, timeTravel, { at: '2020-01-01' });
    expect(costs.estimate(schema, timeTravel, { at: '2020-01-01' })).toBe(first);
    expect(costs.estimate(schema, timeTravel, { at: '2020-06-01' })).not.toBe(first);
  });

  it('estimates again once the log moved: the read models sizes it prices are those of the new position', () => {
    const { readModels, write } = ledger();
    const costs = new CostCache(readModels, () => new Date('2021-06-30T00:00:00Z'));
    const before = costs.estimate(schema, timeTravel, {});
    for (let n = 1; n <= 5; n++) write(`commitment-p.${n}`, 'CommitmentRegistered', register(n));
    const after = costs.estimate(schema, timeTravel, {});
    expect(after.cost).toBeGreaterThan(before.cost);
  });

  it('never caches an estimate that read the clock (a series without `to` grows with time)', () => {
    const { readModels } = ledger();
    let now = new Date('2021-01-01T00:00:00Z');
    const costs = new CostCache(readModels, () => now);
    const open = parse('{ rateHistory(planId: "p", from: "2020-01-01") { at } }');
    const first = costs.estimate(schema, open, {});
    now = new Date('2021-12-31T00:00:00Z');
    expect(costs.estimate(schema, open, {}).cost).toBeGreaterThan(first.cost);
    const pinned = parse('{ rateHistory(planId: "p", from: "2020-01-01", to: "2020-12-31") { at } }');
    expect(costs.estimate(schema, pinned, {})).toBe(costs.estimate(schema, pinned, {}));
  });

  it('keeps the hidden arguments a document uses in its estimate, for the gate to check against each caller', () => {
    const { readModels } = ledger();
    const costs = new CostCache(readModels, () => new Date('2021-06-30T00:00:00Z'));
    const known = parse('{ plan(id: "p", asOf: { knownAt: "2021-01-01" }) { id } }');
    expect(costs.estimate(schema, known, {}).hiddenArguments).toEqual([{ field: 'plan', path: 'asOf.knownAt' }]);
    expect(costs.estimate(schema, known, {}).hiddenArguments).toEqual([{ field: 'plan', path: 'asOf.knownAt' }]);
  });
});
