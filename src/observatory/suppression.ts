/**
 * Statistical secrecy of the observatory's tables: no published count between 1 and threshold − 1
 * (the French rule for health data: no cell under 11), and no hidden count that the published totals
 * give back. Pure functions, no I/O.
 *
 * A table is rows × columns of counts, published with its row totals, column totals and grand total.
 * Seen as the "extended" table (the totals as one more column and one more row), every row and every
 * column of it is one equation: its cells add up to its total. The rule:
 *
 * 1. Primary suppression: every count from 1 to threshold − 1 is secret, totals included. Zero is
 *    published (it describes nobody).
 * 2. Secondary suppression, repeated until nothing changes:
 *    a. in every line (row or column of the extended table), either nothing is secret, or at least two
 *       entries are, and when the line's total is published the secret cells of the line add up to at
 *       least the threshold (so the total minus the published cells never pins a small count);
 *    b. an attacker's interval for every secret entry, found by propagating the bounds of every line
 *       equation through the whole table (as audit() does), is at least `threshold` wide.
 *    When a line breaks a rule, its smallest published non-zero cell is made secret too (then its
 *    total, then a zero); the grand total is never hidden this way, so the tables that share it stay
 *    consistent. If nothing is left to hide, every entry but the grand total is made secret.
 *
 * Every secret entry is shown the same way (« secret »): a reader cannot tell a small count from a
 * count hidden to protect it.
 */

export const SMALL_COUNT_THRESHOLD = 11;

export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column], non-negative integers. */
  cells: readonly (readonly number[])[];
}

export const SECRET = 'secret' as const;
export type PublishedCount = number | typeof SECRET;

export interface PublishedTable {
  rows: string[];
  columns: string[];
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
}

type Position = readonly [row: number, column: number];

/** One equation of the extended table: the parts add up to the total. */
interface Line {
  parts: Position[];
  total: Position;
}

function extended(table: CountTable): number[][] {
  const rows = table.rows.length;
  const columns = table.columns.length;
  if (table.cells.length !== rows || table.cells.some((row) => row.length !== columns)) {
    throw new RangeError('a table needs one count per row and column');
  }
  if (table.cells.some((row) => row.some((n) => !Number.isSafeInteger(n) || n < 0))) throw new RangeError('counts are non-negative integers');
  const grid = table.cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, c) => grid.reduce((sum, row) => sum + (row[c] ?? 0), 0));
  return [...grid, totals];
}

function linesOf(rowCount: number, columnCount: number): Line[] {
  const lines: Line[] = [];
  for (let r = 0; r <= rowCount; r++) {
    lines.push({ parts: Array.from({ length: columnCount }, (_, c) => [r, c] as const), total: [r, columnCount] });
  }
  for (let c = 0; c <= columnCount; c++) {
    lines.push({ parts: Array.from({ length: rowCount }, (_, r) => [r, c] as const), total: [rowCount, c] });
  }
  return lines;
}

export interface Interval {
  row: number;
  column: number;
  low: number;
  high: number;
}

/**
 * What an attacker learns of each secret entry from the published ones: bounds propagated through
 * every line equation until they no longer move (entries are non-negative). Rows and columns index
 * the extended table: index rows.length is the totals row, columns.length the totals column.
 */
export function audit(values: readonly (readonly number[])[], secret: readonly (readonly boolean[])[]): Interval[] {
  const rowCount = values.length - 1;
  const columnCount = (values[0]?.length ?? 1) - 1;
  const low = values.map((row, r) => row.map((v, c) => (secret[r]?.[c] ? 0 : v)));
  const high = values.map((row, r) => row.map((v, c) => (secret[r]?.[c] ? Infinity : v)));
  const lines = linesOf(rowCount, columnCount);
  const get = (grid: number[][], [r, c]: Position) => grid[r]![c]!;
  const set = (grid: number[][], [r, c]: Position, v: number) => {
    grid[r]![c] = v;
  };
  for (let round = 0, moved = true; moved && round < 10_000; round++) {
    moved = false;
    const tighten = (p: Position, lo: number, hi: number) => {
      if (lo > get(low, p)) {
        set(low, p, lo);
        moved = true;
      }
      if (hi < get(high, p)) {
        set(high, p, hi);
        moved = true;
      }
    };
    for (const line of lines) {
      const sumLow = line.parts.reduce((s, p) => s + get(low, p), 0);
      const sumHigh = line.parts.reduce((s, p) => s + get(high, p), 0);
      tighten(line.total, sumLow, sumHigh);
      for (const p of line.parts) {
        tighten(p, get(low, line.total) - (sumHigh - get(high, p)), get(high, line.total) - (sumLow - get(low, p)));
      }
    }
  }
  const intervals: Interval[] = [];
  values.forEach((row, r) =>
    row.forEach((_, c) => {
      if (secret[r]?.[c]) intervals.push({ row: r, column: c, low: low[r]![c]!, high: high[r]![c]! });
    }),
  );
  return intervals;
}

/** The table as it may be published: small counts and their complements secret. */
export function suppressSmallCounts(table: CountTable, threshold: number = SMALL_COUNT_THRESHOLD): PublishedTable {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError('the threshold is an integer of at least 2');
  const values = extended(table);
  const rowCount = table.rows.length;
  const columnCount = table.columns.length;
  const secret = values.map((row) => row.map((v) => v > 0 && v < threshold));
  const lines = linesOf(rowCount, columnCount);
  const isGrand = ([r, c]: Position) => r === rowCount && c === columnCount;
  const valueAt = ([r, c]: Position) => values[r]![c]!;
  const isSecret = ([r, c]: Position) => secret[r]![c]!;

  /** The entry of the line to hide next: its smallest published non-zero cell, else its total, else a zero. */
  function complementIn(line: Line): Position | undefined {
    const open = line.parts.filter((p) => !isSecret(p));
    const positive = open.filter((p) => valueAt(p) > 0).sort((a, b) => valueAt(a) - valueAt(b));
    if (positive[0]) return positive[0];
    if (!isSecret(line.total) && !isGrand(line.total)) return line.total;
    return open[0];
  }

  function brokenLine(): Line | undefined {
    return lines.find((line) => {
      const all = [...line.parts, line.total];
      const hidden = all.filter(isSecret);
      if (hidden.length === 0) return false;
      if (hidden.length === 1) return true;
      if (isSecret(line.total)) return false;
      return line.parts.filter(isSecret).reduce((s, p) => s + valueAt(p), 0) < threshold;
    });
  }

  function hideAllButGrandTotal(): void {
    secret.forEach((row, r) => row.forEach((_, c) => (row[c] = !isGrand([r, c]) || (values[r]![c]! > 0 && values[r]![c]! < threshold))));
  }

  for (let guard = 0; guard <= (rowCount + 1) * (columnCount + 1); guard++) {
    const line = brokenLine();
    let next: Position | undefined;
    if (line) {
      next = complementIn(line);
    } else {
      const narrow = audit(values, secret).find((i) => i.high - i.low < threshold);
      if (!narrow) break;
      const through = lines.filter((l) => [...l.parts, l.total].some(([r, c]) => r === narrow.row && c === narrow.column));
      next = through
        .map(complementIn)
        .filter((p): p is Position => p !== undefined && !isGrand(p))
        .sort((a, b) => (valueAt(a) || Infinity) - (valueAt(b) || Infinity))[0];
    }
    if (!next || isGrand(next)) {
      hideAllButGrandTotal();
      break;
    }
    secret[next[0]]![next[1]] = true;
  }

  const shown = (r: number, c: number): PublishedCount => (secret[r]![c] ? SECRET : values[r]![c]!);
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: table.rows.map((_, r) => table.columns.map((_, c) => shown(r, c))),
    rowTotals: table.rows.map((_, r) => shown(r, columnCount)),
    columnTotals: table.columns.map((_, c) => shown(rowCount, c)),
    grandTotal: shown(rowCount, columnCount),
  };
}
