/* The two-person rule on emergency numbers, in the page: a draft that changes them says it needs
   another national admin's approval (and the address to send them); a second national admin opening
   it sees « Approuver »; publishing is offered once someone other than the person publishing has
   approved the draft's last revision (as the server decides). */
import { $, button, clear, el, errorIn, message } from '../console/dom.js';
import { frenchProblem, studioApi, territoriesOf } from './api.js';
import { on, setDraft, setDrafted, studio } from './state.js';

const ofRevision = (draft) => draft.approvals.filter((approval) => approval.revision === draft.revision);

/** Approved for `me` to publish: by someone else, for this very revision. */
const approvedFor = (draft, me) => ofRevision(draft).some((approval) => approval.subject !== me.subject);

async function approve() {
  try {
    await studioApi.approve(studio.draft.id);
    setDraft(await studioApi.draft(studio.draft.id));
    $('approval-title').focus();
  } catch (error) {
    errorIn('approval-error', frenchProblem(error));
  }
}

function notice(kind, title, lines) {
  return el('div', { className: `fr-alert fr-alert--${kind} fr-alert--sm` }, [el('h3', { id: 'approval-title', className: 'fr-alert__title', tabindex: '-1', text: title }), ...lines.map((line) => el('p', {}, [].concat(line)))]);
}

function render(draft) {
  const region = $('approval');
  clear(region);
  const needs = Boolean(draft && draft.needsApproval);
  $('publish-form').hidden = !studio.editable || (needs && !approvedFor(draft, studio.me));
  if (!needs) return;
  const me = studio.me;
  const mine = draft.author.subject === me.subject;
  const iApproved = ofRevision(draft).some((approval) => approval.subject === me.subject);
  if (approvedFor(draft, me)) {
    region.appendChild(notice('success', 'Approuvé par un second administrateur national', ['Ce brouillon change des numéros d’urgence. Un autre administrateur national l’a approuvé : il peut être publié.']));
    return;
  }
  const address = window.location.href;
  const lines = ['Ce brouillon change des numéros d’urgence. Un autre administrateur national doit l’approuver avant sa publication.'];
  if (mine) lines.push(['Envoyez-lui l’adresse de cette page : ', el('code', { text: address }), '. Rechargez la page après son approbation.']);
  if (iApproved) lines.push(`Vous avez approuvé ce brouillon (modification ${draft.revision}). Son auteur peut maintenant le publier.`);
  region.appendChild(notice(iApproved ? 'success' : 'warning', iApproved ? 'Vous avez approuvé ce brouillon' : 'Une seconde approbation est nécessaire', lines));
  if (me.role === 'national_admin' && !mine && !iApproved) {
    region.appendChild(el('div', { className: 'button-row' }, [button('Approuver', approve)]));
    region.appendChild(el('p', { className: 'fr-hint-text', text: 'Approuvez seulement après avoir lu « Ce qui change » : les numéros d’urgence sont ceux que les personnes en danger entendent.' }));
  }
  region.appendChild(el('div', { id: 'approval-error', role: 'alert' }));
}

export function setupApproval() {
  on('draft', render);
  render(studio.draft);
}

/**
 * Opens the draft named in the page's address (?brouillon=D-…), if any, the editors starting from
 * what it holds; says so if it is gone.
 */
export async function openDraftOfAddress() {
  const id = new URL(window.location.href).searchParams.get('brouillon');
  if (!id) return;
  try {
    const draft = await studioApi.draft(id);
    setDraft(draft);
    if (draft.files.includes('config/territories.yaml')) setDrafted(await territoriesOf(draft.id));
  } catch (error) {
    setDraft(null);
    message($('status'), `Le brouillon de l’adresse ne s’ouvre pas. ${frenchProblem(error)}`, 'warning');
  }
}
