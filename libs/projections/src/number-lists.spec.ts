import { CodeList, FloatList, SeqList } from './number-lists';

describe('number lists (read models)', () => {
  it('push and insert keep the values in order, growing as needed', () => {
    const list = new SeqList();
    for (let i = 0; i < 100; i++) list.push(i * 2);
    list.insert(0, -1);
    list.insert(51, 99);
    list.insert(list.length, 1000);
    expect(list.length).toBe(103);
    expect(list.toArray()).toEqual([
      -1,
      ...Array.from({ length: 50 }, (_, i) => i * 2),
      99,
      ...Array.from({ length: 50 }, (_, i) => 100 + i * 2),
      1000,
    ]);
  });

  it('starts as a plain array and moves to a typed array, with room, past 128 values; answers nothing beyond its values', () => {
    const list = new SeqList();
    for (let i = 0; i < 128; i++) list.push(i);
    expect(Array.isArray(list.items)).toBe(true);
    list.push(128);
    expect(list.items).toBeInstanceOf(Int32Array);
    expect(list.items.length).toBeGreaterThan(list.length);
    expect(list.at(129)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
    expect(list.at(128)).toBe(128);
    expect(list.toArray()).toEqual(Array.from({ length: 129 }, (_, i) => i));
  });

  it('JSON (digests, views) sees the values only', () => {
    const list = new FloatList();
    list.push(1.5);
    expect(JSON.stringify({ list })).toBe('{"list":[1.5]}');
  });

  it('a seq list refuses what an int32 would truncate; a float list holds positions up to 2^53 exactly', () => {
    expect(() => new SeqList().push(2 ** 31)).toThrow(RangeError);
    expect(() => new SeqList().insert(0, 0.5)).toThrow(RangeError);
    const positions = new FloatList();
    positions.push(2 ** 53 - 1);
    expect(positions.at(0)).toBe(2 ** 53 - 1);
  });

  it('forEach visits the values with their index', () => {
    const seen: Array<[number, number]> = [];
    SeqList.of([4, 5]).forEach((v, i) => seen.push([v, i]));
    expect(seen).toEqual([
      [4, 0],
      [5, 1],
    ]);
  });

  it('a code list holds values of its dictionary, in order, and refuses any other', () => {
    const status = new CodeList<string>('status');
    status.push('LIMITED');
    status.push('COMPLETE');
    status.insert(0, 'NOT_STARTED');
    status.insert(2, 'SUBSTANTIAL');
    expect(status.toArray()).toEqual(['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE']);
    expect(status.get(3)).toBe('COMPLETE');
    expect(JSON.stringify(status)).toBe('["NOT_STARTED","LIMITED","SUBSTANTIAL","COMPLETE"]');
    expect(() => status.push('DONE')).toThrow(/not in the dictionary "status"/);
    expect(status.length).toBe(4);
  });
});
