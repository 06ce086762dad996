/**
 * The chat page, the console and the studio are each their own parts put in one DSFR frame
 * (layout.html): each page as served has the frame once and its own title, style sheets, skip links,
 * header tools and body; a page file with a part missing or unknown stops the start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPage } from '../../src/web/pageTemplate';
import { packagedWebPublicDir } from '../../src/web/routes';

const dir = packagedWebPublicDir();
const layout = readFileSync(join(dir, 'layout.html'), 'utf8');
const page = (name: string) => renderPage(layout, readFileSync(join(dir, name), 'utf8'), name);
const count = (text: string, what: string) => text.split(what).length - 1;

describe('the pages in their shared frame', () => {
  it.each([
    ['index.html', 'Écrire au 360 – handicap : information et mise en relation', '/chat/chat.css', '#chat-region', 'fr-header__logo'],
    ['console.html', 'Orientation 360 — Espace conseillers', '/console/console.css', '#main', 'id="sign-out"'],
    ['studio.html', 'Orientation 360 — Studio', '/studio/studio.css', '#main', 'id="dashboard-link"'],
  ])('When %s is rendered, then it has the frame once, around its own title, style sheet, skip links, header and body', (name, title, css, skipTo, ownHeader) => {
    const html = page(name);
    expect(html.startsWith('<!doctype html>\n<html lang="fr"')).toBe(true);
    expect(html).toContain(`<title>${title}</title>`);
    for (const once of ['<head>', '</head>', '<header role="banner" class="fr-header">', '</header>', '<main', '</body>', 'href="/console/vendor/dsfr/dsfr.min.css"']) expect(count(html, once)).toBe(1);
    expect(html).toContain(`<link rel="stylesheet" href="${css}" />`);
    expect(html).toMatch(new RegExp(`<ul class="fr-skiplinks__list">\\s*<li><a class="fr-link" href="${skipTo}">`));
    // The page's own header content sits inside the frame's header, before the body.
    expect(html.indexOf(ownHeader)).toBeGreaterThan(html.indexOf('<header role="banner"'));
    expect(html.indexOf(ownHeader)).toBeLessThan(html.indexOf('</header>'));
    expect(html).not.toContain('<!-- part:');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  it('When a page file lacks a part or names an unknown one, then it is refused with its name', () => {
    const parts = '<!-- part: title -->\nT\n<!-- part: head -->\n<!-- part: skiplinks -->\n<!-- part: header -->\n<!-- part: body -->\n<main></main>\n';
    expect(renderPage(layout, parts, 'ok.html')).toContain('<title>T</title>');
    expect(() => renderPage(layout, parts.replace('<!-- part: head -->\n', ''), 'bad.html')).toThrow('bad.html: no part "head"');
    expect(() => renderPage(layout, `${parts}<!-- part: footer -->\n`, 'bad.html')).toThrow('bad.html: unknown part "footer"');
    expect(() => renderPage(layout, `${parts}<!-- part: body -->\n`, 'bad.html')).toThrow('bad.html: part "body" given twice');
  });
});
