/* The agenda of the territorial staffs (N2), for coordinators and national admins: the N2 cases of one
   département, by staff date. */
import { api } from './api.js';
import { $, button, clear, el, say } from './dom.js';
import { buttonRow, cardFor } from './cards.js';
import { frenchError } from './errors.js';
import { state } from './state.js';
import { showTicket } from './ticket.js';
import { day } from './vocabulary.js';

/** The territories a principal may pick: theirs, or every département and XX for a national admin. */
export function territoryChoices(me) {
  if (me.territories !== 'all') return [...me.territories];
  const codes = [];
  for (let n = 1; n <= 95; n++) {
    if (n === 20) codes.push('2A', '2B');
    else codes.push(String(n).padStart(2, '0'));
  }
  return [...codes, '971', '972', '973', '974', '976', 'XX'];
}

export function fillTerritorySelect(select, me) {
  clear(select);
  territoryChoices(me).forEach((code) => select.appendChild(el('option', { value: code, text: code === 'XX' ? 'National (XX)' : code })));
}

export function setupAgenda(me) {
  const shown = me.role !== 'advisor';
  $('agenda').hidden = !shown;
  clear($('agenda-content'));
  if (shown) fillTerritorySelect($('agenda-territory'), me);
}

export function loadAgendaIfShown() {
  if (state.me && state.me.role !== 'advisor' && $('agenda-territory').value) loadAgenda();
}

async function loadAgenda() {
  const territory = $('agenda-territory').value;
  let agenda;
  try {
    agenda = await api('GET', `/api/advisor/agenda?territory=${encodeURIComponent(territory)}`);
  } catch (error) {
    say(frenchError(error));
    return;
  }
  const content = $('agenda-content');
  clear(content);
  if (agenda.staffs.length === 0) {
    content.appendChild(el('p', { className: 'empty', text: 'Aucun dossier N2 à l’agenda de ce département.' }));
    return;
  }
  agenda.staffs.forEach((staff) => {
    content.appendChild(el('h3', { className: 'fr-h6', text: staff.staffDate === 'unscheduled' ? 'Sans date de staff' : `Staff du ${day(staff.staffDate)}` }));
    content.appendChild(
      el(
        'ul',
        { className: 'cards' },
        staff.tickets.map((view) => cardFor(view, [buttonRow([button(`Voir le dossier ${view.ticket.ref}`, () => showTicket(view.ticket.ref, { focus: true }), 'secondary')])])),
      ),
    );
  });
}

$('agenda-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadAgenda();
});
