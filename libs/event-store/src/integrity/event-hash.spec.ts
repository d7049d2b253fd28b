import { createHash } from 'node:crypto';
import { canonicalJson, eventHash, GENESIS_HASH, linkTo, linkToEvent, readIntegrity, sealEvent, type HashedEvent } from './event-hash';

const event = (over: Partial<HashedEvent> = {}): HashedEvent => ({
  stream: 'commitment-7',
  revision: 3n,
  id: '5b0e1f2a-0000-4000-8000-000000000001',
  type: 'MilestoneProgressRecorded',
  data: { milestoneId: 'm-1', progress: 60, tags: ['budget', 'open-data'] },
  metadata: { actor: 'lead-42', role: 'lead', recordedAt: '2024-03-01T10:00:00.000Z' },
  created: new Date('2024-03-01T10:00:00.123Z'),
  ...over,
});
const links = { prevHash: 'a'.repeat(64), streamPrevHash: 'b'.repeat(64) };

describe('canonicalJson', () => {
  it('sorts keys at every depth, whatever the insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }),
    );
  });

  it('has JSON.stringify semantics, so a value hashes like its stored-and-parsed copy', () => {
    const value = {
      when: new Date('2024-01-02T00:00:00Z'),
      gone: undefined,
      fn: () => 1,
      list: [undefined, NaN, -0, 1e21],
      s: 'é "q" \u2028',
      n: null,
    };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
    expect(canonicalJson(value)).toBe('{"list":[null,null,0,1e+21],"n":null,"s":"é \\"q\\" \u2028","when":"2024-01-02T00:00:00.000Z"}');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ big: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('eventHash', () => {
  it('is sha256 over both links and the canonical body (documented layout)', () => {
    const e = event();
    const body = canonicalJson({
      stream: e.stream,
      revision: '3',
      id: e.id,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      created: String(e.created!.getTime()),
    });
    const expected = createHash('sha256').update(`${links.prevHash}\n${links.streamPrevHash}\n${body}`).digest('hex');
    expect(eventHash(e, links)).toBe(expected);
  });

  it('does not depend on key order, nor on an integrity key already in the metadata', () => {
    const reordered = event({
      metadata: { recordedAt: '2024-03-01T10:00:00.000Z', role: 'lead', actor: 'lead-42', integrity: { hash: 'x' } },
    });
    expect(eventHash(reordered, links)).toBe(eventHash(event(), links));
  });

  it('changes with any content byte, either link, the revision and the created time', () => {
    const base = eventHash(event(), links);
    const variants = [
      eventHash(event({ data: { milestoneId: 'm-1', progress: 90, tags: ['budget', 'open-data'] } }), links),
      eventHash(event({ metadata: { actor: 'mallory', role: 'lead', recordedAt: '2024-03-01T10:00:00.000Z' } }), links),
      eventHash(event({ revision: 4n }), links),
      eventHash(event({ stream: 'commitment-8' }), links),
      eventHash(event({ created: new Date('2024-03-01T10:00:00.124Z') }), links),
      eventHash(event(), { ...links, prevHash: GENESIS_HASH }),
      eventHash(event(), { ...links, streamPrevHash: GENESIS_HASH }),
      eventHash(event(), { streamPrevHash: links.streamPrevHash }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('ignores created for events without a log link (EventStoreDB), and needs it with one', () => {
    const stream = { streamPrevHash: GENESIS_HASH };
    expect(eventHash(event({ created: undefined }), stream)).toBe(eventHash(event(), stream));
    expect(() => eventHash(event({ created: undefined }), links)).toThrow(/created/);
  });
});

describe('sealing and links', () => {
  it('uses 64 zeros as the genesis, and links to it when there is no sealed predecessor', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(linkTo(undefined)).toBe(GENESIS_HASH);
    expect(linkTo(null)).toBe(GENESIS_HASH);
    expect(linkTo('not-a-hash')).toBe(GENESIS_HASH);
    expect(linkTo('c'.repeat(64))).toBe('c'.repeat(64));
    expect(linkToEvent({ metadata: { actor: 'legacy row' } })).toBe(GENESIS_HASH);
  });

  it('stores the links and the hash under metadata.integrity, replacing a caller-supplied one', () => {
    const { metadata, hash } = sealEvent(event({ metadata: { actor: 'lead-42', integrity: 'forged' } }), links);
    expect(metadata).toEqual({ actor: 'lead-42', integrity: { ...links, hash } });
    expect(readIntegrity(metadata)).toEqual({ ...links, hash });
    expect(linkToEvent({ metadata })).toBe(hash);
    const esdb = sealEvent(event(), { streamPrevHash: GENESIS_HASH }).metadata;
    expect(readIntegrity(esdb)).not.toHaveProperty('prevHash');
  });

  it('reads malformed integrity as missing', () => {
    expect(readIntegrity({})).toBeUndefined();
    expect(readIntegrity({ integrity: { hash: 'A'.repeat(64), streamPrevHash: GENESIS_HASH } })).toBeUndefined();
    expect(readIntegrity({ integrity: { hash: 'a'.repeat(64) } })).toBeUndefined();
    expect(readIntegrity({ integrity: { hash: 'a'.repeat(64), streamPrevHash: GENESIS_HASH, prevHash: 7 } })).toBeUndefined();
  });
});
