/**
 * Charts drawn on the server as SVG, each followed by its table: the chart is a picture with a name
 * and a short description (role="img"), the table (DSFR `fr-table`, with a caption) holds the same
 * figures for screen readers, keyboard users and anyone who wants the exact values. No script: the
 * pages stay under their strict Content Security Policy. Colours are SVG attributes (no inline style)
 * from DSFR's palette, and each series is also told apart by its legend text and its table column.
 */
import { escapeHtml } from './frame';

export interface DataTable {
  id: string;
  caption: string;
  /** The heading of the first column (what the rows are). */
  rowsAre: string;
  columns: readonly string[];
  rows: ReadonlyArray<{ label: string; cells: readonly string[] }>;
  /** A last row of totals, if any. */
  totals?: { label: string; cells: readonly string[] };
}

/** A DSFR table with its caption; the first cell of each row is its header. */
export function dataTableHtml(table: DataTable): string {
  const head = [table.rowsAre, ...table.columns].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const row = (r: { label: string; cells: readonly string[] }) =>
    `<tr><th scope="row">${escapeHtml(r.label)}</th>${r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  const body = [...table.rows, ...(table.totals ? [table.totals] : [])].map(row).join('\n');
  return `<div class="fr-table fr-table--bordered fr-mb-6w" id="${escapeHtml(table.id)}">
  <div class="fr-table__wrapper"><div class="fr-table__container" tabindex="0" role="region" aria-label="${escapeHtml(table.caption)}"><div class="fr-table__content">
    <table>
      <caption>${escapeHtml(table.caption)}</caption>
      <thead><tr>${head}</tr></thead>
      <tbody>
${body}
      </tbody>
    </table>
  </div></div></div>
</div>`;
}

export interface BarChart {
  id: string;
  /** The chart's name (its table's caption too). */
  title: string;
  /** What the rows are (« Jour », « Besoin »): the table's first heading. */
  rowsAre: string;
  /** One bar group per row, top to bottom. */
  rows: readonly string[];
  /** One to three series; a null value is not published (no bar, « secret » or « – » in the table). */
  series: ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>;
  /** How a value reads in the table and at the end of its bar. */
  format(value: number | null): string;
}

/** DSFR's blue France, a warm red-brown and a green: told apart by more than their colour (legend, table). */
const COLOURS = ['#000091', '#a94645', '#18753c'] as const;
const LABEL_WIDTH = 190;
const BAR_AREA = 420;
const VALUE_WIDTH = 70;
const BAR = 14;
const GAP = 10;

/** Horizontal grouped bars: the row's label at left, one bar per series, its value at the end. */
function svgOf(chart: BarChart): string {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const group = chart.series.length * BAR + GAP;
  const legendHeight = 24;
  const height = legendHeight + chart.rows.length * group + GAP;
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  // Each legend entry after the previous one's text (about 7.5 units per character at this size).
  const starts = chart.series.map((_, i) => LABEL_WIDTH + chart.series.slice(0, i).reduce((x, s) => x + 18 + Math.ceil(s.label.length * 7.5) + 24, 0));
  const legend = chart.series
    .map((s, i) => `<rect x="${starts[i]}" y="4" width="12" height="12" fill="${COLOURS[i]}"/><text x="${starts[i]! + 18}" y="15" font-size="13" fill="#161616">${escapeHtml(s.label)}</text>`)
    .join('');
  const bars = chart.rows
    .map((row, r) => {
      const top = legendHeight + r * group;
      const label = `<text x="${LABEL_WIDTH - 8}" y="${top + (chart.series.length * BAR) / 2 + 4}" font-size="12" text-anchor="end" fill="#161616">${escapeHtml(row)}</text>`;
      const each = chart.series
        .map((s, i) => {
          const value = s.values[r] ?? null;
          const length = value === null ? 0 : Math.round((value / max) * BAR_AREA);
          const y = top + i * BAR;
          return `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR - 2}" fill="${COLOURS[i]}"/><text x="${LABEL_WIDTH + length + 4}" y="${y + BAR - 4}" font-size="11" fill="#161616">${escapeHtml(chart.format(value))}</text>`;
        })
        .join('');
      return label + each;
    })
    .join('\n');
  const description = `Barres horizontales : ${chart.series.map((s) => s.label).join(', ')}, par ${chart.rowsAre.toLowerCase()}. Les valeurs sont dans le tableau qui suit.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" focusable="false">
<title id="${chart.id}-title">${escapeHtml(chart.title)}</title><desc id="${chart.id}-desc">${escapeHtml(description)}</desc>
${legend}
${bars}
</svg>`;
}

/** The chart, then its table (same figures), in a figure named by the chart's title. */
export function barChartHtml(chart: BarChart): string {
  const table = dataTableHtml({
    id: `${chart.id}-table`,
    caption: chart.title,
    rowsAre: chart.rowsAre,
    columns: chart.series.map((s) => s.label),
    rows: chart.rows.map((label, r) => ({ label, cells: chart.series.map((s) => chart.format(s.values[r] ?? null)) })),
  });
  return `<figure class="fr-mb-2w" id="${chart.id}" aria-labelledby="${chart.id}-caption">
  <figcaption id="${chart.id}-caption" class="fr-h6">${escapeHtml(chart.title)}</figcaption>
  ${svgOf(chart)}
</figure>
${table}`;
}
