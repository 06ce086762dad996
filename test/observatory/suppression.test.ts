/**
 * Small-cell suppression on crafted tables. Besides the rule itself (nothing from 1 to 10 shown),
 * each published table is attacked: every row and column whose total is published is solved for its
 * secret cells, and the bounds are propagated through all the equations of the table (an attacker's
 * interval for each secret entry), with a solver written here, independent of the module's own audit.
 */
import { SECRET, suppressSmallCounts, type CountTable } from '../../src/observatory/suppression';
import { expectSafe, publishedValues } from './attack';

function table(cells: number[][]): CountTable {
  return { rows: cells.map((_, r) => `r${r}`), columns: (cells[0] ?? []).map((_, c) => `c${c}`), cells };
}

describe('small-cell suppression', () => {
  it('When every count is 11 or more, then everything is published as it is, with true totals', () => {
    const p = suppressSmallCounts(table([[11, 20], [30, 40]]));
    expect(p.cells).toEqual([[11, 20], [30, 40]]);
    expect(p.rowTotals).toEqual([31, 70]);
    expect(p.columnTotals).toEqual([41, 60]);
    expect(p.grandTotal).toBe(101);
  });

  it('When a row has one small cell, then it is secret and so is the next smallest cell of its row and of its column', () => {
    const p = suppressSmallCounts(table([[3, 25, 40], [30, 35, 50], [45, 60, 70]]));
    expect(p.cells[0]![0]).toBe(SECRET);
    expect(p.cells[0]![1]).toBe(SECRET);
    expect(p.cells[1]![0]).toBe(SECRET);
    expect(p.grandTotal).toBe(358);
    expectSafe(p);
  });

  it('When a zero sits beside a small count, then the zero is published but never taken as the only complement', () => {
    const p = suppressSmallCounts(table([[0, 4, 30], [12, 0, 50], [40, 15, 0]]));
    expect(p.cells[0]![0]).toBe(0);
    expect(p.cells[0]![1]).toBe(SECRET);
    expectSafe(p);
  });

  it('When a total is itself small, then it is secret and its line is still protected', () => {
    const p = suppressSmallCounts(table([[2, 3, 0], [20, 30, 40], [25, 35, 45]]));
    expect(p.rowTotals[0]).toBe(SECRET);
    expectSafe(p);
  });

  it('When the hidden cells of a line would add up to less than 11, then more is hidden until the total no longer pins them', () => {
    const p = suppressSmallCounts(table([[1, 2, 500], [400, 300, 200]]));
    expect(p.cells[0]![2]).toBe(SECRET);
    expectSafe(p);
  });

  it('When the grand total is under 11, then every count of the table is secret', () => {
    const p = suppressSmallCounts(table([[1, 2], [3, 0]]));
    expect(publishedValues(p).every((v) => v === 0)).toBe(true);
    expectSafe(p);
  });

  it('When a single column table (months × situations) has a small month, then two months at least are secret', () => {
    const p = suppressSmallCounts(table([[14], [3], [22], [0], [40]]));
    expect(p.cells.flat().filter((v) => v === SECRET).length).toBeGreaterThanOrEqual(2);
    expectSafe(p);
  });

  it('When many random sparse tables are suppressed, then none has a small count shown or a secret one an attacker can narrow below 11', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const rows = 1 + Math.floor(random() * 6);
      const columns = 1 + Math.floor(random() * 6);
      const cells = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (random() < 0.3 ? 0 : random() < 0.5 ? Math.floor(random() * 11) : Math.floor(random() * 60))));
      const p = suppressSmallCounts(table(cells));
      try {
        expectSafe(p);
      } catch (error) {
        throw new Error(`table ${JSON.stringify(cells)}: ${(error as Error).message}`);
      }
      const secretOrTrue = p.cells.every((row, r) => row.every((v, c) => v === SECRET || v === cells[r]![c]));
      expect(secretOrTrue).toBe(true);
    }
  });

  it('When a table is malformed (ragged, negative, fractional), then it is refused', () => {
    expect(() => suppressSmallCounts({ rows: ['a'], columns: ['x', 'y'], cells: [[1]] })).toThrow(RangeError);
    expect(() => suppressSmallCounts(table([[-1, 2]]))).toThrow(RangeError);
    expect(() => suppressSmallCounts(table([[1.5, 2]]))).toThrow(RangeError);
  });
});
