import { InMemoryEventContent } from './content/event-content';
import { LedgerReadModel } from './ledger-read-model';
import type { ProjectedEvent } from './projected-event';
import { ViewCache } from './view-cache';

let position = 0n;
const event = (stream: string, type: string, data: unknown): ProjectedEvent => ({
  position: ++position,
  stream,
  revision: 0n,
  type,
  data,
  metadata: { schemaVersion: 1, recordedAt: '2021-01-01T00:00:00.000Z', effectiveAt: '2021-01-01T00:00:00.000Z' },
});
const c1 = { commitmentId: 'p.1' };
const setUp = (content = new InMemoryEventContent()): LedgerReadModel => {
  position = 0n;
  const model = new LedgerReadModel({ content });
  for (const e of [
    event('plan-p', 'PlanDefined', { planId: 'p', country: 'X', title: 'Plan', period: '2020-2022' }),
    event('plan-p', 'AxisAdded', { planId: 'p', axisId: 'a', title: 'Axis', order: 1 }),
    event('commitment-p.1', 'CommitmentRegistered', { ...c1, planId: 'p', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' }),
    event('commitment-p.1', 'ActivityPlanned', { ...c1, activityId: 'p.1.1', number: 1, title: 'A', weight: 1 }),
  ])
    model.apply(e);
  return model;
};
const report = (model: LedgerReadModel, progress: number) =>
  model.apply(
    event('commitment-p.1', 'ActivityProgressReported', {
      ...c1,
      activityId: 'p.1.1',
      progress,
      status: progress === 0 ? 'NOT_STARTED' : progress < 60 ? 'LIMITED' : 'SUBSTANTIAL',
      previousProgress: 0,
    }),
  );

describe('ViewCache: the live views, once per log position', () => {
  it('serves the same view to every reader at one position', () => {
    const model = setUp();
    const views = new ViewCache(() => model);
    expect(views.plan('p')).toBe(views.plan('p'));
    expect(views.commitment('p.1')).toBe(views.commitment('p.1'));
    expect(views.allPlans()).toBe(views.allPlans());
    expect(views.cachedPosition).toBe(model.position);
  });

  it('never serves a view for a position it does not reflect: a write, then a read sees it', () => {
    const model = setUp();
    const views = new ViewCache(() => model);
    const before = views.plan('p')!;
    expect(before.implementationRate).toBe(0);
    report(model, 50);
    const after = views.plan('p')!;
    expect(after).not.toBe(before);
    expect(after.implementationRate).toBe(50);
    expect(views.commitment('p.1')!.activities[0].progress).toBe(50);
    expect(views.allPlans()[0].implementationRate).toBe(50);
    expect(views.cachedPosition).toBe(model.position);
    // Every answer equals what the read models compute at that position, uncached.
    expect(after).toEqual(model.plan('p'));
  });

  it('follows the read models it is given: another instance is never answered from the first one', () => {
    let model = setUp();
    const views = new ViewCache(() => model);
    report(model, 70);
    expect(views.plan('p')!.implementationRate).toBe(70);
    model = setUp(); // same position count as a fresh replay of fewer events: another instance
    report(model, 20);
    expect(views.plan('p')!.implementationRate).toBe(20);
  });

  it('freezes the views it shares, so no reader can change what the next one sees', () => {
    const model = setUp();
    const views = new ViewCache(() => model);
    const plan = views.plan('p')!;
    expect(() => {
      (plan as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(() => plan.commitments.push(plan.commitments[0])).toThrow(TypeError);
    expect(() => {
      (plan.commitments[0].activities[0] as { progress: number }).progress = 99;
    }).toThrow(TypeError);
    expect(views.plan('p')!.title).toBe('Plan');
  });

  it('does not read action texts while caching a view: a page showing rates never reads one', () => {
    const content = new InMemoryEventContent();
    const recall = jest.spyOn(content, 'recall');
    const model = setUp(content);
    model.apply(
      event('commitment-p.1', 'ActionRecorded', { ...c1, activityId: 'p.1.1', actionId: 'p.1.1.a1', kind: 'DONE', text: 'Done it' }),
    );
    const views = new ViewCache(() => model);
    expect(views.plan('p')!.commitments[0].activities[0].progress).toBe(0);
    expect(views.commitment('p.1')!.activities[0].weight).toBe(1);
    expect(recall).not.toHaveBeenCalled();
    // Read when asked for, and then frozen like the rest of the view.
    const activity = views.commitment('p.1')!.activities[0];
    expect(activity.actionsDone.map((a) => a.text)).toEqual(['Done it']);
    expect(recall).toHaveBeenCalled();
    expect(activity.actionsDone).toBe(activity.actionsDone);
    expect(() => activity.actionsDone.push(activity.actionsDone[0])).toThrow(TypeError);
    expect(() => {
      (activity.actionsDone[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(() => activity.additionalActions.push(activity.actionsDone[0])).toThrow(TypeError);
    expect(activity).toEqual(model.commitment('p.1')!.activities[0]);
  });

  it('does not remember ids that name nothing (a caller sending random ids cannot grow it)', () => {
    const model = setUp();
    const views = new ViewCache(() => model);
    expect(views.plan('nope')).toBeUndefined();
    expect(views.commitment('p.404')).toBeUndefined();
    model.apply(event('plan-nope', 'PlanDefined', { planId: 'nope', country: 'X', title: 'Late', period: '2021' }));
    expect(views.plan('nope')?.title).toBe('Late');
  });
});
