/* The « Répertoire » panel: the organisations of the territory shown and their offers, as the draft
   holds them (as published when there is none). Adding, changing or removing one, and importing a
   FINESS CSV file, go into the draft (made at the first change) through the directory's API with
   `?draft=`; the draft's diff then says « 44 : ajout de … ». The list, the form and the import are
   modules of their own (directoryList.js, directoryForm.js, directoryImport.js). */
import { $, errorIn, message } from '../console/dom.js';
import { ApiError, directoryApi, directoryOf, frenchProblem, studioApi } from './api.js';
import { askToConfirm } from './confirm.js';
import { openOrganisationForm } from './directoryForm.js';
import { setupDirectoryImport } from './directoryImport.js';
import { renderDirectoryList } from './directoryList.js';
import { on, setDraft, studio } from './state.js';

/** The organisations of the version or draft read last, and which one it was. */
const shown = { source: null, organisations: [] };
let reading = 0;

/** The directory API's refusals are French already; a draft whose directory does not read says where to look. */
export function directoryProblem(error) {
  if (error instanceof ApiError && error.status === 409 && error.body && error.body.checks) return 'Le répertoire de ce brouillon a des erreurs. Corrigez d’abord le fichier config/directory.yaml du brouillon.';
  return frenchProblem(error);
}

const mayEdit = () => studio.editable && (studio.me.territories === 'all' || studio.me.territories.includes(studio.code));

/** Reads the directory of the draft (or of the published version) again, then shows the territory's part. */
export async function reloadDirectory() {
  const source = studio.draft ? studio.draft.id : studio.published;
  if (source === null || source === undefined) return;
  const mine = ++reading;
  try {
    const organisations = await directoryOf(source);
    if (mine !== reading) return;
    shown.source = source;
    shown.organisations = organisations;
    render();
  } catch {
    if (mine === reading) errorIn('directory-error', 'Le répertoire ne se lit pas pour l’instant. Rechargez la page dans un instant.');
  }
}

function render() {
  if (shown.source === null) return;
  const organisations = shown.organisations.filter((organisation) => organisation.territory === studio.code);
  renderDirectoryList($('directory-list'), organisations, {
    editable: mayEdit(),
    fromDraft: Boolean(studio.draft) && shown.source === studio.draft.id,
    onAdd: () => openForm(null),
    onEdit: (organisation) => openForm(organisation),
    onRemove: confirmRemoval,
  });
}

/** The ids used anywhere in the directory (an organisation's and its offers'): a new one must be another. */
function idsInUse() {
  return new Set(shown.organisations.flatMap((organisation) => [organisation.id, ...(organisation.offers || []).map((offer) => offer.id)]));
}

/** Writes into the draft (made first when there is none): `write(draftId)` answers { result, draft }. */
export async function intoDraft(write) {
  const made = studio.draft ? null : await studioApi.newDraft();
  const draft = studio.draft || made;
  let answer;
  try {
    answer = await write(draft.id);
  } catch (error) {
    // Refused: a draft made for this change alone is dropped, as if nothing happened.
    if (made) await studioApi.dropDraft(made.id).catch(() => undefined);
    throw error;
  }
  // Nothing changed in the file: the API answers the result alone, the draft stays as it was.
  if (answer && answer.draft) {
    setDraft(answer.draft);
    return answer.result;
  }
  if (!studio.draft) setDraft(draft);
  return answer;
}

function openForm(organisation) {
  errorIn('directory-error', '');
  message($('directory-status'), '');
  openOrganisationForm($('directory-editor'), {
    organisation,
    territory: studio.code,
    idsInUse: idsInUse(),
    save: async (written) => {
      await intoDraft((draftId) => directoryApi.put(draftId, written));
      message($('directory-status'), `« ${written.name} » est enregistrée dans le brouillon. Voyez « Ce qui change ».`, 'success');
      await reloadDirectory();
      $('directory-title').focus();
    },
    problemOf: directoryProblem,
    cancel: () => $('directory-title').focus(),
  });
}

function confirmRemoval(organisation, opener) {
  askToConfirm($('directory-confirm'), `Retirer « ${organisation.name} » du répertoire, dans le brouillon ? Ses offres partent avec elle.`, 'Confirmer le retrait', async () => {
    try {
      await intoDraft((draftId) => directoryApi.remove(draftId, organisation.id));
      message($('directory-status'), `« ${organisation.name} » est retirée dans le brouillon. Voyez « Ce qui change ».`, 'success');
      await reloadDirectory();
      $('directory-title').focus();
    } catch (error) {
      errorIn('directory-error', directoryProblem(error));
      if (opener && opener.isConnected) opener.focus();
    }
  });
}

export function setupDirectory() {
  on('territory', () => {
    $('directory-editor').replaceChildren();
    render();
  });
  on('published', () => reloadDirectory());
  // A draft opened, changed (here or by another panel, a file imported) or dropped: read it again.
  on('draft', () => reloadDirectory());
  if (studio.editable) setupDirectoryImport({ intoDraft, problemOf: directoryProblem });
}
