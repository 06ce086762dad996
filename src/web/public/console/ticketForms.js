/* The actions on the ticket panel, as the lifecycle allows them (view.allowedEvents): take, open the
   live chat, record a callback attempt, add a note, record partners and actions, change level, close.
   DSFR forms; checked here first (French messages, focus on the field), then by the API. */
import { $, button, clear, el, errorIn, say } from './dom.js';
import { isMine, state } from './state.js';
import { send } from './bus.js';
import { closeForm } from './closeForm.js';
import { day, entries, FRENCH_DATE_TIME, typedDue } from './vocabulary.js';

let formCounter = 0;

function inputGroup(id, labelText, control, hint) {
  return el('div', { className: 'fr-input-group' }, [
    el('label', { className: 'fr-label', for: id, text: labelText }),
    hint ? el('p', { id: `${id}-hint`, className: 'fr-hint-text hint', text: hint }) : null,
    control,
  ]);
}
const submit = (text) => el('div', { className: 'button-row' }, [el('button', { type: 'submit', className: 'fr-btn fr-btn--sm', text })]);

function textForm(title, fieldLabel, submitText, onSubmit, options) {
  const id = `f${++formCounter}`;
  const input = el('textarea', { id, className: 'fr-input', rows: 3, maxlength: (options && options.max) || 4000 });
  const form = el('form', { className: 'form', novalidate: true, 'aria-labelledby': `${id}-title` }, [
    el('h3', { id: `${id}-title`, className: 'fr-h6', text: title }),
    inputGroup(id, fieldLabel, input),
    submit(submitText),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      errorIn('ticket-error', `Le champ « ${fieldLabel} » est vide.`);
      input.focus();
      return;
    }
    onSubmit(value).catch(() => input.focus());
  });
  return form;
}

export function renderActions(view) {
  const actions = $('ticket-actions');
  clear(actions);
  const allowed = view.allowedEvents;
  const t = view.ticket;
  const row = [];
  if (allowed.includes('TAKE')) row.push(button('Prendre le dossier', () => send('act', 'POST', '/take', {}, `Vous êtes le référent du dossier ${t.ref}.`).catch(() => {}), 'primary'));
  if (t.channel === 'chat' && (view.case.status === 'new' || isMine(view)) && !(state.chat && state.chat.ref === t.ref)) {
    row.push(button('Ouvrir le chat en direct', () => send('take-chat', view), 'primary'));
  }
  if (allowed.includes('CALLBACK_ATTEMPT') && t.kind === 'callback') {
    row.push(button('Rappel : personne jointe', () => send('act', 'POST', '/callback-attempts', { reached: true }, 'Rappel enregistré : personne jointe.').catch(() => {}), 'secondary'));
    row.push(button('Rappel : pas de réponse', () => send('act', 'POST', '/callback-attempts', { reached: false }, 'Rappel enregistré : pas de réponse.').catch(() => {}), 'secondary'));
  }
  if (row.length) actions.appendChild(el('div', { className: 'button-row' }, row));

  if (allowed.includes('COMMENT')) actions.appendChild(textForm('Ajouter une note', 'Note', 'Enregistrer la note', (text) => send('act', 'POST', '/comments', { text }, 'Note enregistrée.')));
  if (allowed.includes('UPDATE')) {
    // The API lets the referent or a coordinator change a case (403 for the others): the form is offered to them only.
    if (isMine(view) || state.me.role !== 'advisor') actions.appendChild(updateForm(view));
    else actions.appendChild(el('p', { className: 'hint', text: 'Seul le référent de ce dossier ou un coordinateur peut enregistrer les partenaires, les actions et la prochaine action.' }));
  }
  if (allowed.includes('ESCALATE_N2') || allowed.includes('ESCALATE_N3')) actions.appendChild(levelForm(view));
  if (allowed.includes('SOLVE')) {
    actions.appendChild(closeForm(view, inputGroup, submit));
  }
}

/** One line, one item: trimmed, empty lines dropped. */
const lines = (text) => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
const sameList = (a, b) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Partners mobilised, actions agreed and the next action with its date: PATCH with the fields that
 * changed (each list replaces the recorded one). In N2, partners and actions both given move the case
 * to « N2 : actions enregistrées », from which it can be closed.
 */
function updateForm(view) {
  const c = view.case;
  const partners = el('textarea', { id: 'update-partners', className: 'fr-input', rows: 3, 'aria-describedby': 'update-partners-hint', text: c.partners.join('\n') });
  const actionsField = el('textarea', { id: 'update-actions', className: 'fr-input', rows: 3, 'aria-describedby': 'update-actions-hint', text: c.actions.join('\n') });
  const nextText = el('input', { id: 'update-next-text', className: 'fr-input', type: 'text', maxlength: 500, value: c.nextAction ? c.nextAction.text : '' });
  const typed = c.nextAction ? typedDue(c.nextAction) : '';
  const nextDue = el('input', { id: 'update-next-due', className: 'fr-input', type: 'text', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': 'update-next-due-hint', value: typed });
  const form = el('form', { id: 'update-form', className: 'form', novalidate: true, 'aria-labelledby': 'update-title' }, [
    el('h3', { id: 'update-title', className: 'fr-h6', tabindex: '-1', text: 'Partenaires, actions et prochaine action' }),
    c.status === 'n2_on_agenda' ? el('p', { className: 'hint', text: 'Quand les partenaires et les actions sont renseignés, le dossier passe en « N2 : actions enregistrées » et peut être clôturé.' }) : null,
    inputGroup('update-partners', 'Partenaires mobilisés', partners, 'Un partenaire par ligne (50 au plus, 200 caractères chacun).'),
    inputGroup('update-actions', 'Actions', actionsField, 'Une action par ligne (100 au plus, 500 caractères chacune).'),
    el('fieldset', { className: 'fr-fieldset' }, [
      el('legend', { className: 'fr-fieldset__legend', text: 'Prochaine action' }),
      inputGroup('update-next-text', 'Prochaine action à faire', nextText),
      inputGroup('update-next-due', 'Date et heure de la prochaine action', nextDue, 'Format : jj/mm/aaaa hh:mm, à l’heure du territoire. Par exemple : 25/11/2026 14:30. À cette heure, un « rappel dû » arrive dans « En attente ». Videz les deux champs pour effacer la prochaine action.'),
    ]),
    submit('Enregistrer partenaires et actions'),
  ]);
  const inputs = [partners, actionsField, nextText, nextDue];

  function refuse(input, text) {
    input.setAttribute('aria-invalid', 'true');
    errorIn('ticket-error', text);
    input.focus();
  }
  const tooLong = (list, max) => list.some((item) => item.length > max);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    inputs.forEach((input) => input.removeAttribute('aria-invalid'));
    const givenPartners = lines(partners.value);
    const givenActions = lines(actionsField.value);
    const text = nextText.value.trim();
    const due = nextDue.value.trim();
    if (givenPartners.length > 50) return refuse(partners, 'Il y a trop de partenaires : 50 au plus.');
    if (tooLong(givenPartners, 200)) return refuse(partners, 'Le nom d’un partenaire dépasse 200 caractères : raccourcissez-le.');
    if (givenActions.length > 100) return refuse(actionsField, 'Il y a trop d’actions : 100 au plus.');
    if (tooLong(givenActions, 500)) return refuse(actionsField, 'Une action dépasse 500 caractères : raccourcissez-la.');
    if (text && !due) return refuse(nextDue, 'Indiquez la date et l’heure de la prochaine action.');
    if (due && !FRENCH_DATE_TIME.test(due)) return refuse(nextDue, 'La date et l’heure de la prochaine action s’écrivent jj/mm/aaaa hh:mm, par exemple 25/11/2026 14:30.');
    if (due && !text) return refuse(nextText, 'Décrivez la prochaine action.');

    const body = {};
    if (!sameList(givenPartners, c.partners)) body.partners = givenPartners;
    if (!sameList(givenActions, c.actions)) body.actions = givenActions;
    if (text && due) {
      if (!c.nextAction || c.nextAction.text !== text || typed !== due) body.nextAction = { text, due };
    } else if (c.nextAction) {
      body.nextAction = null;
    }
    if (Object.keys(body).length === 0) return refuse(partners, 'Rien à enregistrer : modifiez au moins un champ.');

    const before = c.status;
    send('act', 'PATCH', '', body, 'Partenaires, actions et prochaine action enregistrés.').then(
      (updated) => {
        if (before === 'n2_on_agenda' && updated.case.status === 'n2_actions_recorded') {
          say('Partenaires et actions enregistrés : le dossier est en « N2 : actions enregistrées ». Il peut maintenant être clôturé.');
        }
        ($('update-title') || $('ticket-title')).focus();
      },
      () => partners.focus(),
    );
  });
  return form;
}

function levelForm(view) {
  const id = `f${++formCounter}`;
  const coordinates = state.me.role !== 'advisor';
  const canN2 = view.allowedEvents.includes('ESCALATE_N2');
  const n3Allowed = view.allowedEvents.includes('ESCALATE_N3');
  const select = el('select', { id: `${id}-level`, className: 'fr-select' }, [
    canN2 ? el('option', { value: '2', text: 'N2 : situation complexe, inscrire au staff territorial' }) : null,
    n3Allowed ? el('option', { value: '3', text: 'N3 : besoin sans solution (coordinateur)' }) : null,
  ]);
  const date = el('input', { id: `${id}-date`, className: 'fr-input', type: 'date', 'aria-describedby': `${id}-date-hint` });
  const dateBlock = inputGroup(`${id}-date`, 'Date du staff territorial', date, 'Format : jj/mm/aaaa.');
  const missing = el('fieldset', { className: 'fr-fieldset' }, [el('legend', { className: 'fr-fieldset__legend', text: 'Ce qui a manqué (au moins un choix)' })]);
  entries('missing').forEach((kind) => {
    missing.appendChild(
      el('div', { className: 'fr-checkbox-group fr-checkbox-group--sm' }, [
        el('input', { type: 'checkbox', id: `${id}-${kind.id}`, value: kind.id }),
        el('label', { className: 'fr-label', for: `${id}-${kind.id}`, text: kind.label }),
      ]),
    );
  });
  function sync() {
    dateBlock.hidden = select.value !== '2';
    missing.hidden = select.value !== '3';
  }
  select.addEventListener('change', sync);
  const form = el('form', { className: 'form', novalidate: true, 'aria-labelledby': `${id}-title` }, [
    el('h3', { id: `${id}-title`, className: 'fr-h6', text: 'Changer de niveau' }),
    el('div', { className: 'fr-select-group' }, [el('label', { className: 'fr-label', for: `${id}-level`, text: 'Nouveau niveau' }), select]),
    dateBlock,
    missing,
    !coordinates && n3Allowed ? el('p', { className: 'hint', text: 'Le N3 est enregistré par un coordinateur.' }) : null,
    submit('Changer de niveau'),
  ]);
  sync();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (select.value === '2') {
      if (!date.value) {
        errorIn('ticket-error', 'Indiquez la date du staff territorial.');
        date.focus();
        return;
      }
      send('act', 'POST', '/level', { level: 2, staffDate: date.value }, `Dossier passé en N2, inscrit au staff du ${day(date.value)}.`).catch(() => {});
      return;
    }
    const kinds = Array.from(missing.querySelectorAll('input:checked')).map((box) => box.value);
    if (kinds.length === 0) {
      errorIn('ticket-error', 'Cochez au moins ce qui a manqué.');
      missing.querySelector('input').focus();
      return;
    }
    send('act', 'POST', '/level', { level: 3, missing: kinds }, 'Besoin sans solution enregistré (N3) pour l’observatoire.').catch(() => {});
  });
  return form;
}
