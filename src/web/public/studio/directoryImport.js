/* Importing a CSV of establishments (the public FINESS extract, or a CSV naming its columns) into the
   draft's directory: how many were added and how many changed (already there, same FINESS number), or
   every problem with its line, in French; all or nothing, as the API does it. */
import { $, clear, el, errorIn, message } from '../console/dom.js';
import { ApiError, directoryApi } from './api.js';

/** The API takes 5 MB; a département's extract is far smaller. */
const MAX_BYTES = 5_000_000;

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function showReport(region, report) {
  const parts = [`${count(report.created, 'ajouté', 'ajoutés')}`, `${count(report.replaced, 'changé (déjà dans le répertoire)', 'changés (déjà dans le répertoire)')}`];
  const text = `Le fichier est importé dans le brouillon : ${count(report.organisations, 'établissement', 'établissements')}, ${parts.join(', ')}. Départements : ${report.territories.join(', ')}. Voyez « Ce qui change ».`;
  message(region, text, 'success');
  if (report.unclassified > 0) {
    const todo = `${count(report.unclassified, 'établissement a une catégorie', 'établissements ont une catégorie')} FINESS sans type connu : complétez leur type et leurs besoins avec « Modifier ».`;
    region.appendChild(el('p', { className: 'fr-mt-1w', text: todo }));
  }
}

function showProblems(region, problems) {
  clear(region);
  region.appendChild(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm' }, [el('p', { text: 'Rien n’a été importé. Corrigez ces lignes dans le fichier, puis importez-le à nouveau.' })]));
  region.appendChild(el('ul', { className: 'fr-mt-1w' }, problems.map((problem) => el('li', { text: `Ligne ${problem.line} : ${problem.message}.` }))));
}

/** options: intoDraft(write) (directory.js), problemOf(error). */
export function setupDirectoryImport(options) {
  const form = $('directory-import-form');
  const region = $('directory-import-result');
  form.append(
    el('div', { className: 'fr-upload-group fr-mb-2w' }, [
      el('label', { className: 'fr-label', for: 'directory-csv' }, [
        'Fichier CSV d’établissements à importer ',
        el('span', { className: 'fr-hint-text', text: 'L’extrait FINESS des établissements (data.gouv.fr), réduit à vos départements, ou un CSV avec les mêmes colonnes. Séparateur point-virgule, 5 Mo au plus.' }),
      ]),
      el('input', { className: 'fr-upload', type: 'file', id: 'directory-csv', accept: '.csv,text/csv', 'aria-describedby': 'directory-import-error' }),
    ]),
    el('div', { id: 'directory-import-error', role: 'alert' }),
    el('button', { type: 'submit', className: 'fr-btn fr-btn--secondary', text: 'Importer le CSV dans le brouillon' }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errorIn('directory-import-error', '');
    clear(region);
    const file = $('directory-csv').files[0];
    if (!file) return errorIn('directory-import-error', 'Choisissez d’abord un fichier CSV sur votre ordinateur.');
    if (file.size > MAX_BYTES) return errorIn('directory-import-error', 'Le fichier est trop grand : 5 Mo au plus.');
    if (file.size === 0) return errorIn('directory-import-error', 'Le fichier est vide.');
    message(region, 'Import en cours. Cela prend quelques secondes.', 'info');
    try {
      showReport(region, await options.intoDraft((draftId) => directoryApi.importCsv(draftId, file)));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.body && Array.isArray(error.body.problems)) return showProblems(region, error.body.problems);
      clear(region);
      errorIn('directory-import-error', `Le fichier n’est pas importé. ${options.problemOf(error)}`);
    }
  });
}
