/**
 * The observatory page (/observatoire): the published tables of one territory, as DSFR tables with
 * captions, rendered on the server. No script: it works under the strictest Content Security Policy
 * and with any assistive technology. No chart: the tables are the figures.
 */
import { TOTAL } from './csv';
import { monthLabel, twelveMonthsTo, type ObservatoryTable, type Publication } from './publication';
import { SECRET, type PublishedCount } from './suppression';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** DSFR's files from node_modules, its fonts included; nothing else, no script. */
export const OBSERVATORY_PAGE_CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
export const DSFR_BASE = '/observatoire/dsfr';

const number = new Intl.NumberFormat('fr-FR');
const shown = (count: PublishedCount) => (count === SECRET ? 'secret' : number.format(count));

function tableHtml(table: ObservatoryTable): string {
  const head = [table.rowsAre, ...table.columns.map((c) => c.label), TOTAL].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = table.rows
    .map((row, r) => {
      const cells = [...table.cells[r]!, table.rowTotals[r]!].map((n) => `<td>${shown(n)}</td>`).join('');
      return `<tr><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join('\n');
  const totals = [...table.columnTotals, table.grandTotal].map((n) => `<td>${shown(n)}</td>`).join('');
  return `<div class="fr-table fr-table--bordered fr-mb-6w" id="${table.id}">
  <div class="fr-table__wrapper"><div class="fr-table__container" tabindex="0" role="region" aria-label="${escapeHtml(table.title)}"><div class="fr-table__content">
    <table>
      <caption>${escapeHtml(table.title)} <span class="fr-text--sm">(nombre de ${escapeHtml(table.unit)})</span></caption>
      <thead><tr>${head}</tr></thead>
      <tbody>
${body}
<tr><th scope="row">${TOTAL}</th>${totals}</tr>
      </tbody>
    </table>
  </div></div></div>
</div>`;
}

export interface PageLink {
  href: string;
  text: string;
}

function frame(title: string, main: string): string {
  return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(title)} – Observatoire du 360</title>
    <link rel="stylesheet" href="${DSFR_BASE}/dsfr.min.css" />
  </head>
  <body>
    <div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="Accès rapide"><ul class="fr-skiplinks__list"><li><a class="fr-link" href="#contenu">Aller au contenu</a></li></ul></nav></div>
    <header role="banner" class="fr-header">
      <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
        <div class="fr-header__brand fr-enlarge-link"><div class="fr-header__brand-top">
          <div class="fr-header__logo"><p class="fr-logo">République<br />Française</p></div>
        </div>
        <div class="fr-header__service"><p class="fr-header__service-title">Observatoire du 360</p>
        <p class="fr-header__service-tagline">Les besoins des personnes en situation de handicap, sans donnée personnelle</p></div></div>
      </div></div></div>
    </header>
    <main id="contenu" role="main" class="fr-container fr-my-6w">
${main}
    </main>
  </body>
</html>
`;
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
  const others = otherTerritories.length
    ? `<nav aria-label="Autres territoires"><p class="fr-mb-1w">Autres territoires :</p><ul>${otherTerritories
        .map((l) => `<li><a class="fr-link" href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`)
        .join('')}</ul></nav>`
    : '';
  const main = `      <h1>Observatoire du 360 : ${escapeHtml(name)}</h1>
      <p class="fr-text--lead">De ${monthLabel(from)} à ${monthLabel(to)}.</p>
      <div class="fr-callout fr-mb-4w">
        <h2 class="fr-callout__title">Comment lire ces chiffres</h2>
        <p class="fr-callout__text">Les chiffres comptent les contacts avec le 360 et les besoins restés sans solution.
        Ils ne disent rien d’une personne. Un chiffre de 1 à ${publication.threshold - 1} n’est jamais montré : il est remplacé par « secret ».
        D’autres chiffres sont aussi « secret », pour qu’on ne puisse pas retrouver les petits chiffres à partir des totaux.</p>
      </div>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
        <li><a class="fr-btn fr-btn--secondary" href="/api/observatory/${encodeURIComponent(territory)}/export.csv?month=${to}" download>Télécharger le tableau (CSV)</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="/api/observatory/${encodeURIComponent(territory)}?month=${to}">Les données (JSON)</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="/observatoire?${query(before)}">Les douze mois d’avant</a></li>
      </ul>
      ${others}
      <h2 class="fr-mt-4w">Contacts</h2>
${tableHtml(publication.tables[0]!)}
${tableHtml(publication.tables[1]!)}
      <h2>Besoins sans solution</h2>
${tableHtml(publication.tables[2]!)}
${tableHtml(publication.tables[3]!)}`;
  return frame(name, main);
}

/** A short page: not signed in, not allowed, nothing to show. */
export function renderObservatoryNotice(title: string, paragraphs: string[], link?: PageLink): string {
  const text = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const action = link ? `<p><a class="fr-btn" href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  return frame(title, `      <h1>${escapeHtml(title)}</h1>\n${text}\n${action}`);
}
