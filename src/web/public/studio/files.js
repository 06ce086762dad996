/* The YAML files of a version: export one of the published version or of the draft (downloaded as
   it is), and import a YAML file from the computer into the draft in place of one of them; the draft
   is then checked, and each problem is said with its file and line, as `npm run config:check` finds it. */
import { $, clear, el, errorIn, message } from '../console/dom.js';
import { fileUrl, frenchProblem, studioApi, territoriesOf } from './api.js';
import { inputGroup, select } from './form.js';
import { on, setDraft, setDrafted, studio } from './state.js';

const MAX_BYTES = 1_000_000;

/** « config/territories.yaml:12: territories.01.hours: … » → « Ligne 12 du fichier config/territories.yaml : territories.01.hours : … ». */
export function problemInWords(line) {
  const withLine = /^([\w./-]+\.yaml):(\d+): (.*)$/s.exec(line);
  if (withLine) return `Ligne ${withLine[2]} du fichier ${withLine[1]} : ${withLine[3].replace(/: /, ' : ')}`;
  const withFile = /^([\w./-]+\.yaml): (.*)$/s.exec(line);
  return withFile ? `Fichier ${withFile[1]} : ${withFile[2].replace(/: /, ' : ')}` : line;
}

const chosen = () => $('file-path').value;
const nameOf = (path) => path.split('/').pop();

function renderLinks() {
  const links = $('file-links');
  clear(links);
  const path = chosen();
  if (!path || !studio.published) return;
  const link = (href, text) => el('li', {}, [el('a', { className: 'fr-link', href, download: nameOf(path), text })]);
  links.appendChild(link(fileUrl.version(studio.published, path), `Télécharger ${path} de la version ${studio.published} (publiée)`));
  if (studio.draft) links.appendChild(link(fileUrl.draft(studio.draft.id, path), `Télécharger ${path} du brouillon`));
}

function renderFiles() {
  const at = $('file-choice');
  const before = $('file-path') ? chosen() : 'config/territories.yaml';
  clear(at);
  const paths = [...studio.files].sort();
  const control = select('file-path', paths.map((path) => [path, path]), paths.includes(before) ? before : paths[0]);
  control.addEventListener('change', renderLinks);
  at.appendChild(inputGroup('file-path', 'Fichier', 'Les fichiers YAML de la configuration, par dossier.', control));
  renderLinks();
}

function showCheck(result, region) {
  clear(region);
  if (result.problems.length > 0) {
    region.appendChild(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm' }, [el('p', { text: 'Le fichier est dans le brouillon, mais il a des erreurs. Corrigez-les dans le fichier, puis importez-le à nouveau. Le brouillon ne peut pas être publié avant.' })]));
    region.appendChild(el('ul', { className: 'fr-mt-1w' }, result.problems.map((line) => el('li', { text: problemInWords(line) }))));
    return;
  }
  const verdict = result.publishable ? 'Le fichier est importé dans le brouillon, sans erreur. Le brouillon peut être publié.' : 'Le fichier est importé, mais la vérification a trouvé un problème bloquant : voyez « Vérification » plus haut.';
  message(region, verdict, result.publishable ? 'success' : 'warning');
}

async function importFile(event) {
  event.preventDefault();
  const region = $('import-result');
  errorIn('import-error', '');
  clear(region);
  const file = $('file-import').files[0];
  const path = chosen();
  if (!file) return errorIn('import-error', 'Choisissez d’abord un fichier YAML sur votre ordinateur.');
  if (file.size > MAX_BYTES) return errorIn('import-error', 'Le fichier est trop grand : 1 Mo au plus.');
  try {
    const text = await file.text();
    const draft = studio.draft || (await studioApi.newDraft());
    const view = await studioApi.importFile(draft.id, path, text);
    setDraft(view);
    // The editors show the imported territories (when the file reads as YAML at all).
    if (path === 'config/territories.yaml') await territoriesOf(view.id).then(setDrafted, () => undefined);
    message(region, `Le fichier remplace ${path} dans le brouillon. Vérification en cours : cela prend quelques secondes.`, 'info');
    showCheck(await studioApi.check(view.id), region);
  } catch (error) {
    clear(region);
    errorIn('import-error', `Le fichier n’est pas importé. ${frenchProblem(error)}`);
  }
}

export function setupFiles() {
  on('published', renderFiles);
  on('draft', renderLinks);
  if (!studio.editable) return;
  const form = $('import-form');
  form.append(
    el('div', { className: 'fr-upload-group fr-mb-2w' }, [
      el('label', { className: 'fr-label', for: 'file-import' }, ['Fichier YAML à importer ', el('span', { className: 'fr-hint-text', text: 'Il remplace dans le brouillon le fichier choisi plus haut. Un seul fichier .yaml, 1 Mo au plus.' })]),
      el('input', { className: 'fr-upload', type: 'file', id: 'file-import', accept: '.yaml,.yml,application/yaml,text/yaml', 'aria-describedby': 'import-error' }),
    ]),
    el('div', { id: 'import-error', role: 'alert' }),
    el('button', { type: 'submit', className: 'fr-btn fr-btn--secondary', text: 'Importer dans le brouillon' }),
  );
  form.addEventListener('submit', importFile);
}
