/**
 * The attacker of a published table, written independently of src/observatory/suppression.ts: for
 * each row and column whose total is published, the secret cells are solved for (a line with one
 * unknown gives it away), and the bounds of every secret entry are propagated through all the
 * equations of the table until they no longer move (an attacker's interval).
 */
import { SECRET, type PublishedCount, type PublishedTable } from '../../src/observatory/suppression';

const T = 11;

/** The published table as rows of the extended table (row totals as last column, column totals as last row). */
function extendedOf(p: PublishedTable): PublishedCount[][] {
  return [...p.cells.map((row, r) => [...row, p.rowTotals[r]!]), [...p.columnTotals, p.grandTotal]];
}

interface Equation {
  parts: Array<[number, number]>;
  total: [number, number];
}

function equationsOf(rows: number, columns: number): Equation[] {
  const equations: Equation[] = [];
  for (let r = 0; r <= rows; r++) equations.push({ parts: [...Array(columns).keys()].map((c) => [r, c]), total: [r, columns] });
  for (let c = 0; c <= columns; c++) equations.push({ parts: [...Array(rows).keys()].map((r) => [r, c]), total: [rows, c] });
  return equations;
}

/** Per line: a line with a published total and exactly one unknown gives that unknown away. */
function linesWithOneUnknown(p: PublishedTable): string[] {
  const grid = extendedOf(p);
  return equationsOf(p.rows.length, p.columns.length)
    .filter((e) => [...e.parts, e.total].filter(([r, c]) => grid[r]![c] === SECRET).length === 1)
    .map((e) => `line ending at ${e.total.join(',')}`);
}

/** The attacker: bounds of every secret entry, tightened through every equation until stable. */
function attackerIntervals(p: PublishedTable): Array<{ at: string; low: number; high: number }> {
  const grid = extendedOf(p);
  const low = grid.map((row) => row.map((v) => (v === SECRET ? 0 : v)));
  const high = grid.map((row) => row.map((v) => (v === SECRET ? Number.POSITIVE_INFINITY : v)));
  const equations = equationsOf(p.rows.length, p.columns.length);
  let changed = true;
  while (changed) {
    changed = false;
    for (const { parts, total } of equations) {
      const [tr, tc] = total;
      const partsLow = parts.reduce((s, [r, c]) => s + low[r]![c]!, 0);
      const partsHigh = parts.reduce((s, [r, c]) => s + high[r]![c]!, 0);
      if (partsLow > low[tr]![tc]!) [low[tr]![tc], changed] = [partsLow, true];
      if (partsHigh < high[tr]![tc]!) [high[tr]![tc], changed] = [partsHigh, true];
      for (const [r, c] of parts) {
        const otherHigh = partsHigh - high[r]![c]!;
        const otherLow = partsLow - low[r]![c]!;
        const lo = low[tr]![tc]! - otherHigh;
        const hi = high[tr]![tc]! - otherLow;
        if (lo > low[r]![c]!) [low[r]![c], changed] = [lo, true];
        if (hi < high[r]![c]!) [high[r]![c], changed] = [hi, true];
      }
    }
  }
  const found: Array<{ at: string; low: number; high: number }> = [];
  grid.forEach((row, r) => row.forEach((v, c) => v === SECRET && found.push({ at: `${r},${c}`, low: low[r]![c]!, high: high[r]![c]! })));
  return found;
}

export function publishedValues(p: PublishedTable): number[] {
  return extendedOf(p)
    .flat()
    .filter((v): v is number => v !== SECRET);
}

export function expectSafe(p: PublishedTable): void {
  expect(publishedValues(p).filter((v) => v > 0 && v < T)).toEqual([]);
  expect(linesWithOneUnknown(p)).toEqual([]);
  const narrow = attackerIntervals(p).filter((i) => i.high - i.low < T);
  expect(narrow).toEqual([]);
}

