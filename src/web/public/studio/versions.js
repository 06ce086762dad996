/* The versions, newest first: number, what it is, who made it and when, its comment, what it changed
   (the API's French diff), which one is published; roll back to an earlier one (with a confirmation). */
import { $, button, clear, el, errorIn, message } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { askToConfirm } from './confirm.js';
import { on, publishedNow, studio } from './state.js';
import { label } from '../console/vocabulary.js';

const KINDS = { import: 'Fichiers du dépôt', publish: 'Publication', rollback: 'Retour en arrière', emergency: 'Urgence' };

function when(iso) {
  return new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
}

function author(version) {
  return version.author.role === 'system' ? 'le service' : label('roles', version.author.role);
}

function rollbackTo(version) {
  askToConfirm($('rollback-confirm'), `Revenir à la version ${version.number} ? Ses fichiers seront publiés à nouveau, comme une nouvelle version. Dans une seconde, tous les appels l’utiliseront.`, 'Confirmer le retour en arrière', async () => {
    try {
      const published = await studioApi.rollback(version.number, `Retour à la version ${version.number}`);
      message($('rollback-confirm'), `La version ${published.number} est publiée : c’est la version ${version.number} à nouveau.`, 'success');
      publishedNow(published.number);
    } catch (error) {
      errorIn('rollback-confirm', frenchProblem(error));
    }
  });
}

function row(version, published) {
  const isPublished = version.number === published;
  const changes = version.diff && version.diff.length > 0 ? el('ul', {}, version.diff.map((line) => el('li', { text: line }))) : el('span', { text: '—' });
  const action = isPublished ? el('span', { className: 'fr-badge fr-badge--success', text: 'Publiée' }) : studio.editable ? button(`Revenir à la version ${version.number}`, () => rollbackTo(version), 'secondary') : el('span', { text: '—' });
  return el('tr', {}, [
    el('th', { scope: 'row', text: String(version.number) }),
    el('td', { text: KINDS[version.kind] || version.kind }),
    el('td', { text: `${author(version)}, le ${when(version.at)}` }),
    el('td', { text: version.comment || '—' }),
    el('td', {}, [changes]),
    el('td', {}, [action]),
  ]);
}

export async function showVersions() {
  const region = $('versions');
  try {
    const { published, versions } = await studioApi.versions();
    clear(region);
    const head = el('tr', {}, ['Numéro', 'Nature', 'Auteur et date', 'Commentaire', 'Ce qui a changé', 'Publiée ou action'].map((text) => el('th', { scope: 'col', text })));
    // The table scrolls sideways in its own frame at 200 % zoom: the frame takes the keyboard's focus.
    const table = el('table', {}, [el('caption', { text: `Les versions, la plus récente d’abord. Version publiée : ${published ?? 'aucune'}.` }), el('thead', {}, [head]), el('tbody', {}, versions.map((v) => row(v, published)))]);
    region.appendChild(el('div', { className: 'fr-table' }, [el('div', { className: 'fr-table__wrapper' }, [el('div', { className: 'fr-table__container', tabindex: '0', role: 'region', 'aria-label': 'Tableau des versions, qui défile de côté' }, [el('div', { className: 'fr-table__content' }, [table])])])]));
  } catch (error) {
    errorIn(region, frenchProblem(error));
  }
}

export function setupVersions() {
  on('publishedNow', showVersions);
}
