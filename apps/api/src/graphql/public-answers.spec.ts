import { parse } from 'graphql';
import type { FastifyRequest } from 'fastify';
import { forgetUnlessClean, isPositionPure, mayKeepAnswer, PublicAnswers } from './public-answers';

describe('public answers: whole anonymous answers per log position', () => {
  it('serves an answer only at the position it was computed at, and drops everything when the position moves', () => {
    let position = 5n;
    const answers = new PublicAnswers(() => position);
    answers.set('q', 5n, { bytes: Buffer.from('{"data":1}') });
    expect(answers.get('q')?.bytes.toString()).toBe('{"data":1}');
    position = 6n;
    expect(answers.get('q')).toBeUndefined();
    // An answer computed before the write is not kept after it.
    answers.set('q', 5n, { bytes: Buffer.from('{"data":1}') });
    expect(answers.size).toBe(0);
  });

  it('keeps only documents reading the live views: one query of plan, plans or commitment fields', () => {
    expect(isPositionPure(parse('{ plan(id: "p") { id } plans { id } commitment(id: "p.1") { id } }'))).toBe(true);
    expect(isPositionPure(parse('query Q($id: ID!) { plan(id: $id) { id } }'))).toBe(true);
    expect(isPositionPure(parse('{ plan(id: "p") { id } me { roles } }'))).toBe(false);
    expect(isPositionPure(parse('{ rateHistory(planId: "p", interval: month) { at } }'))).toBe(false);
    expect(isPositionPure(parse('{ ...F } fragment F on Query { plans { id } }'))).toBe(false);
    expect(isPositionPure(parse('query A { plans { id } } query B { plans { id } }'))).toBe(false);
    expect(isPositionPure(parse('mutation { definePlan(input: {}) { position } }'))).toBe(false);
  });

  it('marks a request only when its estimate did not read the clock, and unmarks one whose answer has errors or warnings', () => {
    const request = () => ({ publicAnswer: { key: 'k', position: 1n, keep: false } }) as unknown as FastifyRequest;
    const document = parse('{ plans { id } }');
    const clock = request();
    mayKeepAnswer(clock, document, true);
    expect(clock.publicAnswer!.keep).toBe(false);
    const clean = request();
    mayKeepAnswer(clean, document, false, 'query { plans }');
    expect(clean.publicAnswer).toMatchObject({ keep: true, operation: 'query { plans }' });
    forgetUnlessClean({ errors: [] }, clean);
    expect(clean.publicAnswer!.keep).toBe(true);
    forgetUnlessClean({ extensions: { warnings: [] } }, clean);
    expect(clean.publicAnswer!.keep).toBe(false);
  });
});
