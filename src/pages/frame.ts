/**
 * The frame of the staff pages rendered on the server (the observatory, the dashboard): DSFR's
 * header and skip link around the page's content, DSFR's style sheet from node_modules, no script.
 * They work under the strictest Content Security Policy and with any assistive technology.
 */

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** DSFR's files from node_modules, its fonts included; nothing else, no script. */
export const SERVER_PAGE_CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** Where the observatory's router serves DSFR's dist folder (its CSS and fonts). */
export const DSFR_BASE = '/observatoire/dsfr';

export interface PageLink {
  href: string;
  text: string;
}

export interface PageFrame {
  /** The service's name in the header and in every title (« Observatoire du 360 »). */
  service: string;
  tagline: string;
  title: string;
  main: string;
}

export function pageFrame({ service, tagline, title, main }: PageFrame): string {
  return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(title)} – ${escapeHtml(service)}</title>
    <link rel="stylesheet" href="${DSFR_BASE}/dsfr.min.css" />
  </head>
  <body>
    <div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="Accès rapide"><ul class="fr-skiplinks__list"><li><a class="fr-link" href="#contenu">Aller au contenu</a></li></ul></nav></div>
    <header role="banner" class="fr-header">
      <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
        <div class="fr-header__brand fr-enlarge-link"><div class="fr-header__brand-top">
          <div class="fr-header__logo"><p class="fr-logo">République<br />Française</p></div>
        </div>
        <div class="fr-header__service"><p class="fr-header__service-title">${escapeHtml(service)}</p>
        <p class="fr-header__service-tagline">${escapeHtml(tagline)}</p></div></div>
      </div></div></div>
    </header>
    <main id="contenu" role="main" class="fr-container fr-my-6w">
${main}
    </main>
  </body>
</html>
`;
}

/** The content of a short page: not signed in, not allowed, nothing to show. */
export function noticeMain(title: string, paragraphs: string[], link?: PageLink): string {
  const text = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const action = link ? `<p><a class="fr-btn" href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  return `      <h1>${escapeHtml(title)}</h1>\n${text}\n${action}`;
}

/** A list of links to the other territories the reader may open ('' when none). */
export function otherTerritoriesNav(links: readonly PageLink[]): string {
  if (links.length === 0) return '';
  const items = links.map((l) => `<li><a class="fr-link" href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`).join('');
  return `<nav aria-label="Autres territoires"><p class="fr-mb-1w">Autres territoires :</p><ul>${items}</ul></nav>`;
}
