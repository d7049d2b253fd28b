import { appendRow, capacityFor, createLogColumns, reserveRows, rowsUpToPosition } from './log-columns';

describe('log columns', () => {
  it('keep every row as they grow, by a quarter at a time, never doubling', () => {
    const log = createLogColumns(capacityFor(0));
    const at = (i: number) => new Date(Date.UTC(2019, 0, 1) + i * 60_000).toISOString();
    const capacities = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      appendRow(log, BigInt(i + 1), at(i), at(i + 30));
      capacities.add(log.effective.length);
    }
    expect(log.count).toBe(20_000);
    expect(log.position[12_345]).toBe(12_346n);
    expect(log.recorded[19_999]).toBe(Date.parse(at(19_999)));
    expect(log.effective[0]).toBe(Date.parse(at(30)));
    expect(rowsUpToPosition(log, 15_000n)).toBe(15_000);
    const sizes = [...capacities].sort((a, b) => a - b);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBe(capacityFor(sizes[i - 1]));
    expect(log.effective.length).toBeLessThanOrEqual(capacityFor(20_000));
  });

  it('make room once for a catch-up that says how many events follow, keeping every row', () => {
    const log = createLogColumns(capacityFor(0));
    for (let i = 0; i < 10; i++) appendRow(log, BigInt(i + 1), '2019-01-01T00:00:00.000Z', undefined);
    reserveRows(log, 50_000);
    const room = log.effective.length;
    expect(room).toBe(capacityFor(50_010));
    for (let i = 10; i < 50_010; i++) appendRow(log, BigInt(i + 1), '2019-01-02T00:00:00.000Z', undefined);
    expect(log.effective.length).toBe(room); // no growth on the way
    expect(log.position[9]).toBe(10n);
    expect(log.position[50_009]).toBe(50_010n);
    reserveRows(log, 1); // room enough: nothing moves
    expect(log.effective.length).toBe(room);
  });
});
