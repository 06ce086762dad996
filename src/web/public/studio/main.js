/* The studio page, as native ES modules without a build step: the session (signed in through the
   console's provider), then one module per panel: territories, hours, the territory's welcome,
   the directory, emergencies, national settings, draft and publication (with the second approval), call and chat
   trials, YAML files, versions. Authorities are refused; advisors read only. */
import { $, el } from '../console/dom.js';
import { loadVocabulary, signedInAs } from '../console/vocabulary.js';
import { ApiError, frenchProblem, readSession, studioApi, territoriesOf } from './api.js';
import { openDraftOfAddress, setupApproval } from './approval.js';
import { setupChatTrial } from './chatTrial.js';
import { setupDirectory } from './directory.js';
import { setupDraft } from './draft.js';
import { setupEmergency } from './emergency.js';
import { setupFiles } from './files.js';
import { setupHours } from './hours.js';
import { setupNational } from './national.js';
import { on, setPublished, studio } from './state.js';
import { setupTerritories } from './territories.js';
import { setupTerritoryFields } from './territoryFields.js';
import { setupTrial } from './trial.js';
import { setupVersions, showVersions } from './versions.js';

function refuse(text) {
  $('refused-text').textContent = text;
  $('refused').hidden = false;
}

async function loadPublished(number) {
  const [config, version] = await Promise.all([territoriesOf(number), studioApi.version(number)]);
  setPublished(number, config, Object.keys(version.files));
}

async function start() {
  let session;
  try {
    await loadVocabulary();
    session = await readSession();
  } catch {
    return refuse('Le service ne répond pas. Rechargez la page dans un instant.');
  }
  if (!session.signedIn) {
    $('sign-in').hidden = false;
    return;
  }
  const me = session.principal;
  $('who').textContent = signedInAs(me);
  $('who').hidden = false;
  let versions;
  try {
    versions = await studioApi.versions();
  } catch (error) {
    return refuse(error instanceof ApiError && error.status === 403 ? 'Le studio est réservé aux coordinateurs, à l’équipe nationale et aux conseillers. Votre rôle ne donne pas accès au studio.' : frenchProblem(error));
  }
  studio.me = me;
  studio.editable = me.role === 'coordinator' || me.role === 'national_admin';
  $('read-only').hidden = studio.editable;
  $('dashboard-link').hidden = !studio.editable;
  $('national').hidden = me.role !== 'national_admin';
  document.querySelectorAll('.edit-only').forEach((node) => {
    node.hidden = !studio.editable;
  });
  setupTerritories();
  setupHours();
  setupTerritoryFields();
  setupDirectory();
  setupDraft();
  setupApproval();
  setupFiles();
  setupVersions();
  if (studio.editable) {
    setupEmergency();
    setupNational();
    setupTrial();
    setupChatTrial();
  }
  on('publishedNow', (number) => loadPublished(number));
  $('workspace').hidden = false;
  if (versions.published === null) $('versions').appendChild(el('p', { text: 'Aucune version publiée pour l’instant.' }));
  else await loadPublished(versions.published);
  await openDraftOfAddress();
  await showVersions();
}

start().finally(() => $('main').setAttribute('data-ready', 'true'));
