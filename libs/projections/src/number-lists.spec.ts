import { FloatList, SeqList } from './number-lists';

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

  it('answers nothing outside the list, whatever room it holds', () => {
    const list = SeqList.of([7, 8]);
    list.push(9);
    expect(list.items.length).toBeGreaterThan(list.length);
    expect(list.at(3)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
    expect(list.at(2)).toBe(9);
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
});
