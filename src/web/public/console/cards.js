/* One ticket as a card of a list (waiting list, my chats, open tickets, callbacks, agenda): badges for
   priority, channel and status, who, what, where, when. */
import { el } from './dom.js';
import { label, when } from './vocabulary.js';

export function priorityBadge(priority) {
  return priority === 'prioritaire' ? el('span', { className: 'fr-badge fr-badge--sm fr-badge--error', text: 'Prioritaire' }) : null;
}

const STATUS_BADGE = { new: 'fr-badge--new', solved: 'fr-badge--success', unmet_need: 'fr-badge--warning' };
export function statusBadge(status) {
  return el('span', { className: `fr-badge fr-badge--sm ${STATUS_BADGE[status] || 'fr-badge--info'}`, text: label('statuses', status) });
}

export function territoryText(ticket) {
  if (!ticket.departement) return 'Département non précisé';
  return ticket.territoryName ? `${ticket.territoryName} (${ticket.departement})` : `Département ${ticket.departement}`;
}

/** extra: nodes appended at the end (a summary, a button row). */
export function cardFor(view, extra) {
  const t = view.ticket;
  const title = el('p', { className: 'card-title' }, [
    el('span', { className: 'badges' }, [
      priorityBadge(t.priority),
      t.danger ? el('span', { className: 'fr-badge fr-badge--sm fr-badge--error', text: `Danger : ${label('dangers', t.danger)}` }) : null,
      el('span', { className: 'fr-badge fr-badge--sm fr-badge--blue-ecume', text: t.kind === 'callback' ? 'Rappel' : label('channels', t.channel) }),
      statusBadge(view.case.status),
    ]),
    ` Dossier ${t.ref}`,
  ]);
  const details = [t.profile ? label('profiles', t.profile) : null, t.need ? label('needs', t.need) : null, territoryText(t)].filter(Boolean);
  const referent = view.case.referent ? ` · Référent : ${view.case.referent.name || view.case.referent.subject}` : '';
  const children = [title, el('p', { text: details.join(' · ') }), el('p', { text: `${label('levels', view.case.level)}${referent}` }), el('p', { text: `Arrivé le ${when(t.createdAt)}` })];
  (extra || []).forEach((node) => children.push(node));
  return el('li', { className: `card${t.priority === 'prioritaire' ? ' prioritaire' : ''}`, 'data-ref': t.ref }, children);
}

export function buttonRow(buttons) {
  return el('div', { className: 'button-row' }, buttons.filter(Boolean));
}

/** Fills a list (and its empty message, and its count) with one card per item. */
export function fill(list, empty, items, render, count) {
  while (list.firstChild) list.removeChild(list.firstChild);
  items.forEach((item) => list.appendChild(render(item)));
  empty.hidden = items.length > 0;
  if (count) count.textContent = `(${items.length})`;
}
