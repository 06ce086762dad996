/* The ticket panel: the pre-filled ticket and the case file (state, referent, partners, actions,
   notes), and the actions the lifecycle allows now (ticketForms.js). A background update never wipes
   what the advisor is typing. */
import { api, ApiError } from './api.js';
import { $, clear, el, errorIn, say } from './dom.js';
import { contactLine } from './callbacks.js';
import { answer, send } from './bus.js';
import { frenchError } from './errors.js';
import { state } from './state.js';
import { renderActions } from './ticketForms.js';
import { renderDirectory } from './directory.js';
import { day, dueInWords, label, labelIfKnown, when } from './vocabulary.js';
import { renderHistory } from './history.js';
import { territoryText } from './cards.js';

/**
 * Reads and changes of the ticket on screen, numbered in the order they start: a read that answers
 * after a later read or change began is older than what that one shows, and is dropped (answers do
 * not always come back in the order they were asked, and an older one would undo a change on screen).
 */
let lastStarted = 0;

/** options.focus: the advisor asked for it (focus goes there); otherwise a background update. */
export async function showTicket(ticketRef, options) {
  const background = !(options && options.focus);
  const started = ++lastStarted;
  try {
    const view = await api('GET', `/api/advisor/tickets/${encodeURIComponent(ticketRef)}`);
    // An older answer than a read or change begun since is dropped, asked for or not (the advisor who
    // opened a ticket and acted on it at once would see the action's refusal undone by the opening).
    const older = started !== lastStarted;
    if (background && (older || ticketFormsInUse())) return;
    if (!older) {
      if (!background) errorIn('ticket-error', '');
      renderTicket(view);
    }
    if (!background) $('ticket-title').focus();
  } catch (error) {
    say(frenchError(error));
  }
}

export function reloadTicket(ticketRef) {
  if (ticketFormsInUse()) return;
  showTicket(ticketRef, { focus: false });
}

/** True while the advisor has typed something in a ticket form (pre-filled values do not count). */
export function ticketFormsInUse() {
  const fields = $('ticket-actions').querySelectorAll('textarea, input[type="text"], input[type="date"]');
  const chosenCode = $('close-wrap-up');
  return Array.from(fields).some((field) => field.value.trim() !== field.defaultValue.trim()) || Boolean(chosenCode && chosenCode.value);
}

export function clearTicket() {
  state.ticket = null;
  ['ticket-fields', 'ticket-case', 'ticket-history', 'ticket-actions'].forEach((id) => clear($(id)));
  $('ticket-body').hidden = true;
  $('ticket-empty').hidden = false;
  $('ticket-title').textContent = 'Dossier';
}

function field(list, term, value) {
  if (value === null || value === undefined || value === '') return;
  list.appendChild(el('dt', { text: term }));
  list.appendChild(el('dd', {}, [value]));
}

function textList(items) {
  return el('ul', { className: 'plain-list' }, items.map((item) => el('li', { text: item })));
}

export function renderTicket(view) {
  // A refusal shown on this ticket stays when a colleague's change redraws it (a live update): it goes
  // at the advisor's next action (`act`), or when another ticket is shown.
  const sameTicket = state.ticket !== null && state.ticket.ticket.ref === view.ticket.ref;
  state.ticket = view;
  const t = view.ticket;
  const c = view.case;
  $('ticket-title').textContent = `Dossier ${t.ref}`;
  $('ticket-empty').hidden = true;
  $('ticket-body').hidden = false;
  if (!sameTicket) errorIn('ticket-error', '');
  $('ticket-summary').textContent = t.summary || (t.priority === 'prioritaire' ? 'Demande prioritaire.' : '');

  const fields = $('ticket-fields');
  clear(fields);
  field(fields, 'Priorité', t.priority === 'prioritaire' ? el('span', { className: 'fr-badge fr-badge--sm fr-badge--error', text: 'Prioritaire' }) : 'Normale');
  field(fields, 'Canal', `${label('channels', t.channel)} · ${label('kinds', t.kind)}`);
  field(fields, 'Qui', t.profile ? label('profiles', t.profile) : 'Non précisé');
  field(fields, 'Besoin', t.need ? label('needs', t.need) : 'Non précisé');
  field(fields, 'Territoire', t.departement ? territoryText(t).replace(/^Département /, '') : 'National (département non précisé)');
  field(fields, 'Arrivé le', when(t.createdAt));
  const contact = state.callbackContacts[t.ref] || t.callback;
  if (contact) field(fields, 'Rappel', contactLine(contact) || '');
  if (t.choices && t.choices.length) {
    const answers = t.choices.map((choice) => `${label('steps', choice.step)} : ${labelIfKnown('profiles', choice.value) || labelIfKnown('needs', choice.value) || choice.value}`);
    field(fields, 'Réponses données', answers.join(' ; '));
  }
  field(fields, 'État', `${label('statuses', c.status)} · niveau N${c.level}`);
  field(fields, 'Référent', c.referent ? `${c.referent.name || c.referent.subject} (${label('roles', c.referent.role)})` : 'Personne pour l’instant');
  if (c.staffDate) field(fields, 'Staff territorial', day(c.staffDate));
  if (c.partners.length) field(fields, 'Partenaires mobilisés', textList(c.partners));
  if (c.actions.length) field(fields, 'Actions', textList(c.actions));
  if (c.nextAction) field(fields, 'Prochaine action', `${c.nextAction.text} (${dueInWords(c.nextAction)})`);
  if (c.wrapUp) field(fields, 'Code de clôture', c.wrapUp.label);
  if (c.wrapUp && c.wrapUp.note) field(fields, 'Note de clôture', c.wrapUp.note);
  if (c.solution) field(fields, 'Solution', c.solution);

  const caseNode = $('ticket-case');
  clear(caseNode);
  if (t.transcript && t.transcript.length && !(state.chat && state.chat.ref === t.ref)) {
    // The whole conversation: the robot, the person and the advisors (kept after the hand-back and the closing).
    const who = (line) => (line.name ? `${line.name} (${label('from', line.from)})` : label('from', line.from));
    caseNode.appendChild(el('h3', { className: 'fr-h6', text: 'Conversation' }));
    caseNode.appendChild(el('ol', { className: 'transcript' }, t.transcript.map((line) => el('li', {}, [el('strong', { text: `${who(line)} : ` }), line.text]))));
  }
  if (c.notes.length) {
    caseNode.appendChild(el('h3', { className: 'fr-h6', text: 'Notes' }));
    caseNode.appendChild(el('ul', { className: 'transcript' }, c.notes.map((note) => el('li', {}, [el('strong', { text: `${note.by.name || note.by.subject}, ${when(note.at)} : ` }), note.text]))));
  }
  renderHistory(view);
  // A background re-render keeps the focus on the same form element when it is rebuilt (stable ids).
  const focused = document.activeElement;
  const focusedId = focused && focused.id && $('ticket-actions').contains(focused) ? focused.id : null;
  renderActions(view);
  renderDirectory(view, act);
  if (focusedId && $(focusedId)) $(focusedId).focus();
}

/** A change to the ticket on screen: the panel re-rendered from the answer, the lists refreshed. */
export async function act(method, path, body, done) {
  const ticketRef = state.ticket.ticket.ref;
  errorIn('ticket-error', '');
  lastStarted += 1;
  try {
    const view = await api(method, `/api/advisor/tickets/${encodeURIComponent(ticketRef)}${path}`, body);
    renderTicket(view);
    say(done);
    send('refresh');
    return view;
  } catch (error) {
    errorIn('ticket-error', frenchError(error));
    if (error instanceof ApiError && error.status === 409) {
      showTicket(ticketRef, { focus: false }).then(() => errorIn('ticket-error', frenchError(error)));
    }
    throw error;
  }
}

answer('show-ticket', showTicket);
answer('act', act);
