/**
 * The observatory's CSV, in French conventions so that a spreadsheet opens it as it is: UTF-8 with a
 * byte order mark, `;` between fields, CRLF between lines, French headers, one count per line
 * ("long" format: table, row, column, count), totals as rows and columns named « Total ». Counts are
 * whole numbers (no decimal to write); a suppressed count is written « secret ».
 */
import { monthLabel, type ObservatoryTable, type Publication } from './publication';
import type { PublishedCount } from './suppression';

export const CSV_HEADERS = ['Territoire', 'Période', 'Tableau', 'Unité', 'Ligne', 'Colonne', 'Effectif'] as const;
export const TOTAL = 'Total';
const BOM = '\uFEFF';

/** Quotes a field when it holds `;`, a quote or a line break; defuses spreadsheet formulas. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function linesOf(table: ObservatoryTable): Array<[row: string, column: string, count: PublishedCount]> {
  const lines: Array<[string, string, PublishedCount]> = [];
  table.rows.forEach((row, r) => {
    table.columns.forEach((column, c) => lines.push([row.label, column.label, table.cells[r]![c]!]));
    lines.push([row.label, TOTAL, table.rowTotals[r]!]);
  });
  table.columns.forEach((column, c) => lines.push([TOTAL, column.label, table.columnTotals[c]!]));
  lines.push([TOTAL, TOTAL, table.grandTotal]);
  return lines;
}

export function publicationCsv(publication: Publication, territoryName: string): string {
  const period = `${monthLabel(publication.from)} – ${monthLabel(publication.to)}`;
  const territory = `${publication.territory} ${territoryName}`.trim();
  const rows = [CSV_HEADERS.join(';')];
  for (const table of publication.tables) {
    for (const [row, column, count] of linesOf(table)) {
      rows.push([territory, period, table.title, table.unit, row, column, String(count)].map(csvField).join(';'));
    }
  }
  return `${BOM}${rows.join('\r\n')}\r\n`;
}
