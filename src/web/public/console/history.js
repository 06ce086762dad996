/* « Contacts précédents » on the ticket panel: the same person's earlier contacts (date, channel, need,
   territory, outcome, referent), from the ticket's `history` (the API keeps only the territories the
   advisor may see; the link between contacts is a pseudonymous key, never shown). Labels in French. */
import { $, clear, el } from './dom.js';
import { label, when } from './vocabulary.js';

function outcome(contact) {
  const status = label('statuses', contact.status);
  return contact.wrapUp ? `${status} : ${contact.wrapUp.label}` : `${status} (niveau N${contact.level})`;
}

export function renderHistory(view) {
  const node = $('ticket-history');
  clear(node);
  const earlier = (view.history || []).filter((contact) => contact.at <= view.ticket.createdAt);
  node.appendChild(el('h3', { id: 'ticket-history-title', className: 'fr-h6', text: `Contacts précédents (${earlier.length})` }));
  if (earlier.length === 0) {
    node.appendChild(el('p', { className: 'empty', text: 'Aucun contact précédent connu pour cette personne.' }));
    return;
  }
  const rows = earlier
    .slice()
    .reverse()
    .map((contact) =>
      el('tr', { 'data-ref': contact.ref }, [
        el('td', { text: when(contact.at) }),
        el('td', { text: contact.kind === 'callback' ? `${label('channels', contact.channel)} (rappel)` : label('channels', contact.channel) }),
        el('td', { text: contact.need ? label('needs', contact.need) : 'Non précisé' }),
        el('td', { text: contact.territory === 'XX' ? 'National' : contact.territory }),
        el('td', { text: outcome(contact) }),
        el('td', { text: contact.referent ? contact.referent.name || contact.referent.subject : 'Personne' }),
        el('td', { text: contact.ref }),
      ]),
    );
  node.appendChild(
    el('div', { className: 'fr-table fr-table--sm fr-table--no-caption' }, [
      el('table', {}, [
        el('caption', { text: 'Contacts précédents de la même personne, du plus récent au plus ancien' }),
        el('thead', {}, [el('tr', {}, ['Date', 'Canal', 'Besoin', 'Département', 'Issue', 'Référent', 'Dossier'].map((h) => el('th', { scope: 'col', text: h })))]),
        el('tbody', {}, rows),
      ]),
    ]),
  );
}
