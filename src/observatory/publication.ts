/**
 * What the observatory publishes for one territory over twelve months: four tables of counts, each
 * with its totals, small counts suppressed (suppression.ts). Pure: counts in, tables out.
 *
 * The tables are fixed (never built from a caller's filters), so that no two answers can be
 * subtracted from each other to find a hidden count:
 * - contacts by need and month (the trend), and contacts by profile and channel, over the twelve
 *   months (both have the same grand total, which suppression never hides as a complement);
 * - unmet needs (N3) by need and by what was missing: a situation can lack several things, so this
 *   table counts mentions, and its totals are totals of mentions;
 * - unmet needs (N3) by month: situations.
 */
import type { UnmetNeedRecord } from '../advisors/observatory';
import { NEED_IDS } from '../domain/vocabulary';
import type { ContactCount } from './contacts';
import { NEED_ROWS, PROFILE_ROWS } from './contacts';
import { CHANNELS, type ObservatorySettings } from './settings';
import { SECRET, SMALL_COUNT_THRESHOLD, suppressSmallCounts, type CountTable, type PublishedCount } from './suppression';

export const TABLE_IDS = ['contacts_besoin_mois', 'contacts_profil_canal', 'sans_solution_besoin_manque', 'sans_solution_mois'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface Heading {
  id: string;
  label: string;
}

export interface ObservatoryTable {
  id: TableId;
  /** The table's caption, in French. */
  title: string;
  /** What one count is, in French (« contacts », « mentions », « situations »). */
  unit: string;
  rowsAre: string;
  columnsAre: string;
  rows: Heading[];
  columns: Heading[];
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
}

export interface Publication {
  territory: string;
  /** The first and last month (YYYY-MM), twelve months in all. */
  from: string;
  to: string;
  threshold: number;
  /** How a suppressed count is shown. */
  suppressed: typeof SECRET;
  tables: ObservatoryTable[];
}

/** The twelve months that end with `lastMonth` (YYYY-MM), oldest first. */
export function twelveMonthsTo(lastMonth: string): string[] {
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 12 + i, 1));
    return date.toISOString().slice(0, 7);
  });
}

const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export function monthLabel(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

function grid(rows: readonly string[], columns: readonly string[]): { cells: number[][]; add(row: string, column: string, n: number): void } {
  const cells = rows.map(() => columns.map(() => 0));
  return {
    cells,
    add(row, column, n) {
      const r = rows.indexOf(row);
      const c = columns.indexOf(column);
      if (r >= 0 && c >= 0) cells[r]![c]! += n;
    },
  };
}

function publish(
  meta: Omit<ObservatoryTable, 'rows' | 'columns' | 'cells' | 'rowTotals' | 'columnTotals' | 'grandTotal'>,
  rows: Heading[],
  columns: Heading[],
  cells: number[][],
): ObservatoryTable {
  const table: CountTable = { rows: rows.map((r) => r.id), columns: columns.map((c) => c.id), cells };
  const published = suppressSmallCounts(table, SMALL_COUNT_THRESHOLD);
  return { ...meta, rows, columns, cells: published.cells, rowTotals: published.rowTotals, columnTotals: published.columnTotals, grandTotal: published.grandTotal };
}

export interface PublicationInput {
  territory: string;
  lastMonth: string;
  contacts: readonly ContactCount[];
  unmetNeeds: readonly UnmetNeedRecord[];
  settings: ObservatorySettings;
}

export function buildPublication(input: PublicationInput): Publication {
  const { settings } = input;
  const months = twelveMonthsTo(input.lastMonth);
  const monthHeadings = months.map((m) => ({ id: m, label: monthLabel(m) }));
  const needHeadings = (ids: readonly string[]) => ids.map((id) => ({ id, label: settings.needs[id] ?? id }));
  const contacts = input.contacts.filter((c) => months.includes(c.month));
  const unmet = input.unmetNeeds.filter((r) => r.territory === input.territory && months.includes(r.month));
  const reasons = settings.missing.map((r) => ({ id: r.id, label: r.label }));
  const reasonIds = reasons.map((r) => r.id);

  const byNeedAndMonth = grid(NEED_ROWS, months);
  const byProfileAndChannel = grid(PROFILE_ROWS, CHANNELS);
  for (const c of contacts) {
    byNeedAndMonth.add(c.need, c.month, c.count);
    byProfileAndChannel.add(c.profile, c.channel, c.count);
  }
  const unmetByNeed = grid(NEED_IDS, reasonIds);
  const unmetByMonth = grid(months, ['situations']);
  for (const r of unmet) {
    for (const missing of new Set(r.missing)) unmetByNeed.add(r.need, reasonIds.includes(missing) ? missing : 'other', 1);
    unmetByMonth.add(r.month, 'situations', 1);
  }

  return {
    territory: input.territory,
    from: months[0]!,
    to: months[11]!,
    threshold: SMALL_COUNT_THRESHOLD,
    suppressed: SECRET,
    tables: [
      publish(
        { id: 'contacts_besoin_mois', title: 'Contacts par besoin et par mois', unit: 'contacts', rowsAre: 'Besoin', columnsAre: 'Mois' },
        needHeadings(NEED_ROWS),
        monthHeadings,
        byNeedAndMonth.cells,
      ),
      publish(
        { id: 'contacts_profil_canal', title: 'Contacts par profil et par canal, sur douze mois', unit: 'contacts', rowsAre: 'Profil', columnsAre: 'Canal' },
        PROFILE_ROWS.map((id) => ({ id, label: settings.profiles[id] ?? id })),
        CHANNELS.map((id) => ({ id, label: settings.channels[id] ?? id })),
        byProfileAndChannel.cells,
      ),
      publish(
        {
          id: 'sans_solution_besoin_manque',
          title: 'Besoins sans solution : ce qui manquait, par besoin, sur douze mois (une situation peut citer plusieurs manques)',
          unit: 'mentions',
          rowsAre: 'Besoin',
          columnsAre: 'Ce qui manquait',
        },
        needHeadings(NEED_IDS),
        reasons,
        unmetByNeed.cells,
      ),
      publish(
        { id: 'sans_solution_mois', title: 'Besoins sans solution par mois', unit: 'situations', rowsAre: 'Mois', columnsAre: 'Situations' },
        monthHeadings,
        [{ id: 'situations', label: 'Situations sans solution' }],
        unmetByMonth.cells,
      ),
    ],
  };
}
