/**
 * The observatory page (/observatoire): the published tables of one territory, each as a chart drawn
 * on the server followed by its DSFR table with a caption (src/pages/charts.ts). No script: it works
 * under the strictest Content Security Policy and with any assistive technology.
 */
import { barChartHtml, dataTableHtml } from '../pages/charts';
import { escapeHtml, noticeMain, otherTerritoriesNav, pageFrame, type PageLink } from '../pages/frame';
import { TOTAL } from './csv';
import { monthLabel, twelveMonthsTo, type ObservatoryTable, type Publication } from './publication';
import { SECRET, type PublishedCount } from './suppression';

export { DSFR_BASE, type PageLink } from '../pages/frame';

const SERVICE = 'Observatoire du 360';
const TAGLINE = 'Les besoins des personnes en situation de handicap, sans donnée personnelle';
const number = new Intl.NumberFormat('fr-FR');
const shown = (count: PublishedCount) => (count === SECRET ? 'secret' : number.format(count));
const asValue = (count: PublishedCount) => (count === SECRET ? null : count);

function tableHtml(table: ObservatoryTable): string {
  return dataTableHtml({
    id: table.id,
    caption: `${table.title} (nombre de ${table.unit})`,
    rowsAre: table.rowsAre,
    columns: [...table.columns.map((c) => c.label), TOTAL],
    rows: table.rows.map((row, r) => ({ label: row.label, cells: [...table.cells[r]!, table.rowTotals[r]!].map(shown) })),
    totals: { label: TOTAL, cells: [...table.columnTotals, table.grandTotal].map(shown) },
  });
}

/** A table's row totals as a chart (then its own short table): « secret » draws no bar. */
function totalsChart(table: ObservatoryTable, title: string): string {
  return barChartHtml({
    id: `${table.id}-chart`,
    title,
    rowsAre: table.rowsAre,
    rows: table.rows.map((r) => r.label),
    series: [{ label: `Nombre de ${table.unit}`, values: table.rowTotals.map(asValue) }],
    format: (value) => (value === null ? 'secret' : number.format(value)),
  });
}

export interface ObservatoryPageInput {
  publication: Publication;
  territoryName: string;
  /** The other territories the reader may open (links). */
  otherTerritories: PageLink[];
}

export function renderObservatoryPage({ publication, territoryName, otherTerritories }: ObservatoryPageInput): string {
  const { territory, from, to } = publication;
  const query = (month: string) => `territory=${encodeURIComponent(territory)}&month=${month}`;
  const before = twelveMonthsTo(from)[10]!;
  const name = `${territory} ${territoryName}`.trim();
  const [byNeed, byProfile, missing, unmetByMonth] = publication.tables as [ObservatoryTable, ObservatoryTable, ObservatoryTable, ObservatoryTable];
  const main = `      <h1>Observatoire du 360 : ${escapeHtml(name)}</h1>
      <p class="fr-text--lead">De ${monthLabel(from)} à ${monthLabel(to)}.</p>
      <div class="fr-callout fr-mb-4w">
        <h2 class="fr-callout__title">Comment lire ces chiffres</h2>
        <p class="fr-callout__text">Les chiffres comptent les contacts avec le 360 et les besoins restés sans solution.
        Ils ne disent rien d’une personne. Un chiffre de 1 à ${publication.threshold - 1} n’est jamais montré : il est remplacé par « secret ».
        D’autres chiffres sont aussi « secret », pour qu’on ne puisse pas retrouver les petits chiffres à partir des totaux.
        Chaque graphique est suivi d’un tableau avec les mêmes chiffres.</p>
      </div>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
        <li><a class="fr-btn fr-btn--secondary" href="/api/observatory/${encodeURIComponent(territory)}/export.csv?month=${to}" download>Télécharger le tableau (CSV)</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="/api/observatory/${encodeURIComponent(territory)}?month=${to}">Les données (JSON)</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="/observatoire?${query(before)}">Les douze mois d’avant</a></li>
      </ul>
      ${otherTerritoriesNav(otherTerritories)}
      <h2 class="fr-mt-4w">Contacts</h2>
${totalsChart(byNeed, 'Contacts par besoin, sur douze mois')}
${tableHtml(byNeed)}
${tableHtml(byProfile)}
      <h2>Besoins sans solution</h2>
${totalsChart(missing, 'Besoins sans solution par besoin, sur douze mois (mentions)')}
${tableHtml(missing)}
${tableHtml(unmetByMonth)}`;
  return pageFrame({ service: SERVICE, tagline: TAGLINE, title: name, main });
}

/** A short page: not signed in, not allowed, nothing to show. */
export function renderObservatoryNotice(title: string, paragraphs: string[], link?: PageLink): string {
  return pageFrame({ service: SERVICE, tagline: TAGLINE, title, main: noticeMain(title, paragraphs, link) });
}
