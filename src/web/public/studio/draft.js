/* The draft: what it changes (the API's French diff), its verification (the checks of
   `npm run config:check`, then the proof, each finding in plain French with a link to its field),
   publishing with a confirmation, and dropping it. */
import { $, clear, el, errorIn, message } from '../console/dom.js';
import { frenchProblem, studioApi } from './api.js';
import { askToConfirm } from './confirm.js';
import { problemInWords } from './files.js';
import { on, publishedNow, setDraft, studio } from './state.js';

function renderDraft(draft) {
  const diff = $('diff');
  clear(diff);
  clear($('findings'));
  $('findings').appendChild(el('p', { text: 'Pas encore vérifié.' }));
  document.querySelectorAll('.draft-only').forEach((node) => {
    node.hidden = draft === null;
  });
  if (draft === null) {
    $('draft-state').textContent = 'Aucun brouillon en cours. Changez des horaires, l’accueil d’un territoire ou un fichier pour en commencer un.';
    diff.appendChild(el('p', { text: 'Rien ne change pour l’instant.' }));
    return;
  }
  $('draft-state').textContent = `Brouillon fait à partir de la version ${draft.basedOn}, modifié ${draft.revision} fois.`;
  if (draft.diff.length === 0) diff.appendChild(el('p', { text: 'Rien ne change pour l’instant.' }));
  else diff.appendChild(el('ul', {}, draft.diff.map((line) => el('li', { text: line }))));
}

/** The field a finding names: the hours editor for a territory's hours, else where it is in its file. */
function fieldLink(field) {
  if (field.kind === 'territory') {
    const here = field.key === 'hours' && studio.code === field.territory;
    return here ? el('a', { href: '#hours-title', text: `Horaires du territoire ${field.territory}` }) : el('span', { text: `Territoire ${field.territory}, champ « ${field.key} »` });
  }
  const href = studio.published ? `/api/studio/versions/${studio.published}/files/${field.file}` : null;
  const where = `${field.file}, champ « ${field.path.join('.')} »`;
  return href ? el('a', { href, text: where }) : el('span', { text: where });
}

async function check() {
  const findings = $('findings');
  message(findings, 'Vérification en cours. Cela prend quelques secondes.', 'info');
  try {
    const result = await studioApi.check(studio.draft.id);
    clear(findings);
    const verdict = result.publishable ? 'Le brouillon peut être publié : aucun problème ne bloque.' : 'Le brouillon ne peut pas être publié : corrigez d’abord les problèmes ci-dessous.';
    findings.appendChild(el('div', { className: `fr-alert fr-alert--${result.publishable ? 'success' : 'error'} fr-alert--sm` }, [el('p', { text: verdict })]));
    const items = [
      ...result.problems.map((problem) => el('li', { text: problemInWords(problem) })),
      ...result.findings.map((finding) => el('li', {}, [el('strong', { text: finding.blocking ? 'Bloquant : ' : 'À savoir : ' }), `${finding.message} `, fieldLink(finding.field)])),
    ];
    if (items.length > 0) findings.appendChild(el('ul', {}, items));
  } catch (error) {
    errorIn(findings, frenchProblem(error));
  }
}

async function publish() {
  const region = $('publish-confirm');
  try {
    const version = await studioApi.publish(studio.draft.id, $('publish-comment').value.trim());
    $('publish-comment').value = '';
    setDraft(null);
    message(region, `La version ${version.number} est publiée. Les prochains appels l’utilisent.`, 'success');
    publishedNow(version.number);
  } catch (error) {
    errorIn(region, `La publication est refusée. ${frenchProblem(error)} Vérifiez le brouillon pour voir pourquoi.`);
  }
}

export function setupDraft() {
  on('draft', renderDraft);
  renderDraft(null);
  $('check').addEventListener('click', check);
  $('drop-draft').addEventListener('click', () =>
    askToConfirm($('publish-confirm'), 'Abandonner le brouillon ? Ses changements seront perdus.', 'Confirmer l’abandon', async () => {
      try {
        await studioApi.dropDraft(studio.draft.id);
        setDraft(null);
      } catch (error) {
        errorIn('publish-confirm', frenchProblem(error));
      }
    }),
  );
  $('publish-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!studio.draft) return errorIn('publish-confirm', 'Il n’y a pas de brouillon à publier. Faites d’abord un changement.');
    askToConfirm($('publish-confirm'), `Publier le brouillon ? Dans une seconde, tous les appels l’utiliseront. Changements : ${studio.draft.diff.join(' ; ') || 'aucun'}.`, 'Confirmer la publication', publish);
  });
}
