/* The advisor console: plain DOM over the advisor API and its live events. People sign in through
   OpenID Connect (ProConnect; /auth/login): the session cookie then authenticates every call, and each
   change carries the session's CSRF token (X-CSRF-Token). Development fallback: a pasted bearer token
   (fetch with Authorization, EventSource with ?access_token=). No build step, and no HTML parsing of
   data: tickets hold what people wrote, so every text goes through textContent. */
(function () {
  'use strict';

  var TOKEN_KEY = 'o360.console.token';
  var OPEN_STATUSES = 'new,taken,n1_in_progress,n2_on_agenda,n2_actions_recorded';
  /** A transferred call waits at most this long in a queue: older untaken voice tickets are not "waiting". */
  var WAITING_CALL_HOURS = 4;

  var LABELS = {
    profile: { personne: 'Personne concernée', aidant: 'Aidant (proche)', professionnel: 'Professionnel' },
    need: {
      vie_quotidienne: 'Se nourrir, s’habiller, se laver',
      deplacements: 'Se déplacer',
      logement: 'Se loger',
      budget: 'Régler les dépenses courantes',
      sante: 'Être en bonne santé, soins',
      accompagnement: 'Accompagnement à l’autonomie, médico-social',
      emploi: 'Avoir un travail',
      scolarite: 'Aller à l’école',
      garde_enfant: 'Faire garder son enfant',
      demarches: 'Démarches administratives',
      loisirs: 'Activité culturelle, sportive',
      vacances: 'Partir en vacances, en week-end',
      soutien_aidant: 'Soutien et répit pour l’aidant',
      sans_solution: '« Je n’ai plus de solution »',
    },
    status: {
      new: 'Nouveau',
      taken: 'Pris en charge',
      n1_in_progress: 'N1 en cours',
      n2_on_agenda: 'N2 : inscrit au staff territorial',
      n2_actions_recorded: 'N2 : actions enregistrées',
      solved: 'Résolu',
      unmet_need: 'N3 : besoin sans solution',
    },
    channel: { voice: 'Appel', chat: 'Chat' },
    kind: { routed: 'Mise en relation', callback: 'Rappel demandé', fallback: 'Renvoi vers le niveau national' },
    role: { advisor: 'conseiller', coordinator: 'coordinateur', national_admin: 'administrateur national', authority: 'autorité (ARS, département, MDPH) : observatoire seulement' },
    from: { user: 'La personne', bot: 'Le robot', advisor: 'Conseiller' },
    chatMode: { waiting: 'attend un conseiller', human: 'avec un conseiller', bot: 'rendu au robot', ended: 'conversation terminée' },
    missing: {
      no_place_available: 'Pas de place disponible',
      no_service_exists: 'Aucun service n’existe',
      waiting_time_too_long: 'Délai d’attente trop long',
      no_transport: 'Pas de transport',
      no_funding: 'Pas de financement',
      regulation_blocks: 'La réglementation bloque',
      no_professional_available: 'Pas de professionnel disponible',
      not_accessible: 'Lieu ou service non accessible',
      other: 'Autre',
    },
    // The kinds of danger, as content/fr/safety.yaml names them for the ticket.
    danger: {
      sourd: 'personne sourde en danger',
      urgence_medicale: 'urgence médicale',
      danger_immediat: 'danger immédiat',
      suicide: 'suicide',
      enfance_en_danger: 'enfant en danger',
      violence_conjugale: 'violences dans le couple',
      maltraitance: 'maltraitance d’un adulte vulnérable',
    },
    step: { profile: 'Profil', need_group: 'Groupe de besoins', need: 'Besoin', postcode: 'Code postal', departement: 'Département' },
  };

  var DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  var DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

  function $(id) {
    return document.getElementById(id);
  }
  function label(group, value) {
    return (LABELS[group] && LABELS[group][value]) || String(value);
  }
  function when(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
  }
  function day(isoDate) {
    var date = new Date(isoDate + 'T00:00:00Z');
    return isNaN(date.getTime()) ? isoDate : DAY.format(date);
  }

  /** An element with text and attributes; children appended in order. Never parses HTML. */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else if (name === 'hidden') node.hidden = true;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function button(text, onClick, className) {
    var b = el('button', { type: 'button', className: className || 'button secondary', text: text });
    b.addEventListener('click', onClick);
    return b;
  }

  // ---- State -------------------------------------------------------------------------------------

  var state = {
    /** Development fallback: a pasted bearer token. */
    token: null,
    /** Signed in through the provider: { csrfToken } of the server-side session. */
    session: null,
    me: null,
    events: null,
    refreshTimer: null,
    /** The ticket shown in the ticket panel (a TicketView), and the chat open in the chat panel. */
    ticket: null,
    chat: null, // { ref, conversationId, seen: {id: true} }
    /** Callback numbers read from the callback list, by ticket ref (never stored elsewhere). */
    callbackContacts: {},
    pop: null,
  };

  // ---- Messages and errors, in French -------------------------------------------------------------

  function say(text) {
    $('status').textContent = text;
  }
  function announce(text) {
    // Emptied first so that the same sentence twice is announced twice.
    var announcer = $('announcer');
    announcer.textContent = '';
    window.setTimeout(function () {
      announcer.textContent = text;
    }, 50);
  }

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  var KNOWN_ERRORS = [
    [/Only a coordinator records an unmet need/, 'Seul un coordinateur peut passer un dossier en N3, après le staff territorial.'],
    [/Only a coordinator hands a case/, 'Seul un coordinateur peut confier un dossier à un autre référent.'],
    [/Only the referent of this ticket or a coordinator/, 'Seul le référent de ce dossier ou un coordinateur peut le modifier.'],
    [/The level only rises/, 'Le niveau ne peut que monter : N1, puis N2, puis N3.'],
    [/is being changed by someone else/, 'Quelqu’un modifie ce dossier en ce moment. Réessayez dans un instant.'],
    [/has no need category/, 'Le dossier n’a pas de besoin renseigné : il en faut un pour le N3.'],
    [/Take the conversation first/, 'Prenez d’abord la conversation.'],
    [/You do not work for this territory/, 'Vous ne travaillez pas pour ce département.'],
    [/give at least one field to change/, 'Rien à enregistrer : modifiez au moins un champ.'],
    [/expected a date YYYY-MM-DD/, 'Une date n’est pas valide : indiquez-la au format jj/mm/aaaa.'],
    [/Too big: expected string to have <=200/, 'Le nom d’un partenaire dépasse 200 caractères : raccourcissez-le.'],
    [/<=500 characters\s*→ at actions/, 'Une action dépasse 500 caractères : raccourcissez-la.'],
    [/<=500 characters\s*→ at nextAction/, 'La prochaine action dépasse 500 caractères : raccourcissez-la.'],
    [/Too big: expected array to have <=50 items/, 'Il y a trop de partenaires : 50 au plus.'],
    [/Too big: expected array to have <=100 items/, 'Il y a trop d’actions : 100 au plus.'],
    [/An account with this e-mail already exists/, 'Un compte existe déjà avec cette adresse.'],
    [/You may only (create|give) advisor accounts of your own territories/, 'Vous ne pouvez gérer que les conseillers de vos départements.'],
    [/You may not (change|remove) your own account/, 'Vous ne pouvez pas modifier ni retirer votre propre compte.'],
    [/expected an e-mail address/, 'L’adresse e-mail n’est pas valide.'],
    [/expected an INSEE département code/, 'Un département n’est pas valide : écrivez son numéro, par exemple 44 ou 2A.'],
    [/a national admin works for 'all' territories/, 'Un administrateur national n’a pas de département ; les autres rôles en ont au moins un.'],
    [/CSRF/, 'Votre session n’est plus reconnue. Rechargez la page.'],
  ];

  /** The API's error (English, for developers) told in French to the advisor. */
  function frenchError(error) {
    if (!(error instanceof ApiError)) return 'Le service ne répond pas. Vérifiez la connexion puis réessayez.';
    for (var i = 0; i < KNOWN_ERRORS.length; i++) if (KNOWN_ERRORS[i][0].test(error.message)) return KNOWN_ERRORS[i][1];
    var notPossible = /^(\w+) is not possible when the ticket is (\w+)/.exec(error.message);
    if (notPossible) return 'Cette action n’est pas possible quand le dossier est « ' + label('status', notPossible[2]) + ' ». Le dossier a peut-être été changé par un collègue : il est mis à jour.';
    switch (error.status) {
      case 400:
        return 'La demande est incomplète ou mal remplie. Vérifiez les champs.';
      case 401:
        return 'Votre jeton d’accès n’est plus valide. Reconnectez-vous.';
      case 403:
        return 'Votre rôle ou vos territoires ne permettent pas cette action.';
      case 404:
        return 'Ce dossier ou cette conversation n’existe pas, ou n’est pas de votre territoire.';
      case 409:
        return 'Cette action n’est pas possible dans l’état actuel. Un collègue a peut-être déjà agi : la page est mise à jour.';
      default:
        return 'Le service est momentanément indisponible. Réessayez dans un instant.';
    }
  }

  // ---- API ---------------------------------------------------------------------------------------

  function signedIn() {
    return Boolean(state.token || state.session);
  }

  function api(method, path, body) {
    var headers = { accept: 'application/json' };
    if (state.token) headers.authorization = 'Bearer ' + state.token;
    else if (state.session && method !== 'GET') headers['x-csrf-token'] = state.session.csrfToken;
    var init = { method: method, headers: headers, cache: 'no-store', credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(
      function (response) {
        return response.text().then(function (text) {
          var json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch (e) {
            json = null;
          }
          if (!response.ok) {
            var error = new ApiError(response.status, (json && json.error) || '');
            if (response.status === 401 && signedIn()) {
              signOut(state.session ? 'Votre session a pris fin. Reconnectez-vous.' : 'Votre jeton d’accès n’est plus valide ou a expiré. Reconnectez-vous.');
            }
            throw error;
          }
          return json;
        });
      },
      function () {
        throw new Error('network');
      },
    );
  }

  // ---- Sign-in -----------------------------------------------------------------------------------

  function showSignedIn(me) {
    state.me = me;
    var territories = me.territories === 'all' ? 'tous les territoires' : (me.territories.length > 1 ? 'départements ' : 'département ') + me.territories.join(', ');
    $('who').textContent = 'Connecté : ' + (me.name || me.subject) + ' (' + label('role', me.role) + ', ' + territories + ')';
    $('who').hidden = false;
    $('sign-out').hidden = false;
    $('sign-in').hidden = true;
    $('workspace').hidden = false;
    setupAgenda(me);
    showStaff(me);
    openEvents();
    refresh();
  }

  function signIn(token) {
    state.token = token;
    return api('GET', '/api/advisor/me').then(function (me) {
      sessionStorage.setItem(TOKEN_KEY, token);
      showSignedIn(me);
    });
  }

  function signOut(reason) {
    if (state.events) state.events.close();
    state.events = null;
    state.token = null;
    state.session = null;
    state.me = null;
    state.ticket = null;
    state.chat = null;
    state.callbackContacts = {};
    sessionStorage.removeItem(TOKEN_KEY);
    ['waiting-list', 'my-chats-list', 'open-list', 'callbacks-list', 'agenda-content', 'chat-messages', 'ticket-fields', 'ticket-case', 'ticket-actions'].forEach(function (id) {
      clear($(id));
    });
    $('workspace').hidden = true;
    $('who').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('live-state').textContent = '';
    $('token').value = '';
    $('token-error').textContent = '';
    $('sign-in-ended').textContent = reason || '';
    showStaff(null);
  }

  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = $('token').value.trim().replace(/^Bearer\s+/i, '');
    if (!token) {
      $('token-error').textContent = 'Collez votre jeton d’accès.';
      $('token').focus();
      return;
    }
    $('token-error').textContent = '';
    signIn(token).catch(function (error) {
      state.token = null;
      $('token-error').textContent =
        error instanceof ApiError && error.status === 401 ? 'Ce jeton n’est pas valide ou a expiré. Fabriquez-en un nouveau.' : frenchError(error);
      $('token').focus();
    });
  });
  $('sign-out').addEventListener('click', function () {
    if (!state.session) {
      signOut('');
      say('');
      $('sign-in-title').focus();
      return;
    }
    // Ends our session, then the provider's (its end-session page comes back to /console).
    api('POST', '/auth/logout', {}).then(
      function (answer) {
        signOut('');
        window.location.assign(answer.redirect);
      },
      function (error) {
        say(frenchError(error));
      },
    );
  });

  // ---- Staff accounts (coordinators: the advisors of their départements; national admins: all) -------

  function showStaff(me) {
    clear($('staff-list'));
    $('staff-error').textContent = '';
    if (!me || me.role === 'advisor') {
      $('staff').hidden = true;
      return;
    }
    $('staff').hidden = false;
    var roles = me.role === 'national_admin' ? ['advisor', 'coordinator', 'national_admin', 'authority'] : ['advisor'];
    var select = $('staff-role');
    clear(select);
    roles.forEach(function (role) {
      select.appendChild(el('option', { value: role, text: label('role', role) }));
    });
    $('staff-hint').textContent = me.role === 'national_admin' ? 'Vous gérez tous les comptes.' : 'Vous gérez les conseillers de vos départements.';
    loadStaff();
  }

  function territoriesText(territories) {
    return territories === 'all' ? 'tous les territoires' : territories.join(', ');
  }

  function loadStaff() {
    var me = state.me;
    return api('GET', '/api/admin/staff').then(
      function (answer) {
        if (state.me !== me) return;
        var list = $('staff-list');
        clear(list);
        answer.accounts.forEach(function (account) {
          var own = account.subject !== undefined && account.subject === me.subject;
          var remove = own
            ? null
            : button('Retirer', function () {
                api('DELETE', '/api/admin/staff/' + encodeURIComponent(account.email)).then(
                  function () {
                    announce('Compte retiré : ' + account.email + '.');
                    loadStaff();
                  },
                  function (error) {
                    $('staff-error').textContent = frenchError(error);
                  },
                );
              });
          if (remove) remove.setAttribute('aria-label', 'Retirer le compte ' + account.email);
          list.appendChild(
            el('li', { className: 'card' }, [
              el('p', { className: 'card-title', text: (account.name ? account.name + ' – ' : '') + account.email }),
              el('p', { text: label('role', account.role) + ', ' + territoriesText(account.territories) + (own ? ' (vous)' : '') }),
              remove,
            ]),
          );
        });
      },
      function (error) {
        $('staff-error').textContent = frenchError(error);
      },
    );
  }

  $('staff-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var email = $('staff-email').value.trim();
    var role = $('staff-role').value;
    var codes = $('staff-territories')
      .value.split(/[\s,;]+/)
      .filter(Boolean)
      .map(function (code) {
        return code.toUpperCase();
      });
    if (!email) {
      $('staff-error').textContent = 'Écrivez l’adresse e-mail de la personne.';
      $('staff-email').focus();
      return;
    }
    if (role !== 'national_admin' && codes.length === 0) {
      $('staff-error').textContent = 'Écrivez au moins un département, par exemple 44.';
      $('staff-territories').focus();
      return;
    }
    $('staff-error').textContent = '';
    api('POST', '/api/admin/staff', { email: email, role: role, territories: role === 'national_admin' ? 'all' : codes }).then(
      function (account) {
        announce('Compte ajouté : ' + account.email + '.');
        $('staff-email').value = '';
        $('staff-territories').value = '';
        loadStaff();
      },
      function (error) {
        $('staff-error').textContent = frenchError(error);
        $('staff-email').focus();
      },
    );
  });

  // ---- Live events -------------------------------------------------------------------------------

  function openEvents() {
    if (state.events) state.events.close();
    var source = new EventSource(state.token ? '/api/advisor/events?access_token=' + encodeURIComponent(state.token) : '/api/advisor/events');
    state.events = source;
    source.addEventListener('ready', function () {
      $('live-state').textContent = 'Mises à jour en direct : actives.';
      // After a reconnection, events in between are lost: read everything again.
      refresh();
      if (state.chat) loadTranscript();
    });
    ['ticket.created', 'ticket.updated', 'chat.message', 'chat.danger'].forEach(function (type) {
      source.addEventListener(type, function (message) {
        var event;
        try {
          event = JSON.parse(message.data);
        } catch (e) {
          return;
        }
        onEvent(event);
      });
    });
    source.onerror = function () {
      if (state.events !== source) return;
      $('live-state').textContent = 'Mises à jour en direct interrompues : reconnexion en cours…';
      if (source.readyState === EventSource.CLOSED) {
        // Refused (expired token?) or the server is gone: the API tells which.
        api('GET', '/api/advisor/me').then(
          function () {
            window.setTimeout(function () {
              if (state.events === source) openEvents();
            }, 5000);
          },
          function () {},
        );
      }
    };
  }

  function onEvent(event) {
    if (event.type === 'chat.danger') {
      dangerAlert(event);
      return;
    }
    if (event.type === 'chat.message') {
      if (state.chat && state.chat.ref === event.ref) loadTranscript();
      return;
    }
    scheduleRefresh();
    if (state.ticket && state.ticket.ticket.ref === event.ref && event.type === 'ticket.updated') reloadTicket(event.ref);
    if (event.type === 'ticket.created' && event.channel === 'voice' && event.kind === 'routed') screenPop(event);
  }

  function scheduleRefresh() {
    if (state.refreshTimer) return;
    state.refreshTimer = window.setTimeout(function () {
      state.refreshTimer = null;
      refresh();
    }, 100);
  }

  // ---- Danger alert ------------------------------------------------------------------------------

  /** Words of danger in a chat of my territory: said at once (assertive), shown above everything, and on that chat. */
  function dangerAlert(event) {
    var what = 'Danger : ' + label('danger', event.danger) + '.';
    state.dangerRef = event.ref;
    $('danger-alert-text').textContent = what + ' Chat du dossier ' + event.ref + '. La personne a reçu les numéros d’urgence.';
    $('danger-alert').hidden = false;
    announce('Alerte danger dans un chat. ' + what + ' Dossier ' + event.ref + '. Bouton « Ouvrir le dossier » pour y aller.');
    if (state.chat && state.chat.ref === event.ref) {
      showChatDanger(event.danger);
      loadTranscript();
    }
    scheduleRefresh();
  }
  function showChatDanger(kind) {
    $('chat-danger').textContent = 'Alerte danger : ' + label('danger', kind) + '. La personne a reçu les numéros d’urgence.';
    $('chat-danger').hidden = false;
  }
  $('danger-alert-open').addEventListener('click', function () {
    var ref = state.dangerRef;
    $('danger-alert').hidden = true;
    state.dangerRef = null;
    if (!ref) return;
    $('ticket-title').focus();
    showTicket(ref, { focus: true });
  });
  $('danger-alert-dismiss').addEventListener('click', function () {
    $('danger-alert').hidden = true;
    state.dangerRef = null;
    $('main').focus();
  });

  // ---- Screen pop --------------------------------------------------------------------------------

  /** A call is being transferred to my territory: announce it and show its pre-filled ticket, without moving the focus. */
  function screenPop(event) {
    api('GET', '/api/tickets/' + encodeURIComponent(event.ref)).then(
      function (ticket) {
        state.pop = ticket.ref;
        var parts = [
          ticket.priority === 'prioritaire' ? 'Prioritaire.' : null,
          ticket.profile ? label('profile', ticket.profile) + '.' : null,
          ticket.need ? 'Besoin : ' + label('need', ticket.need) + '.' : null,
          ticket.territoryName || ticket.departement ? 'Territoire : ' + (ticket.territoryName || '') + (ticket.departement ? ' (' + ticket.departement + ')' : '') + '.' : null,
          'Dossier ' + ticket.ref + '.',
        ].filter(Boolean);
        $('screen-pop-text').textContent = parts.join(' ');
        $('screen-pop').hidden = false;
        announce('Appel transféré vers vous. ' + parts.join(' ') + ' Le dossier est affiché. Bouton « Ouvrir le dossier » pour y aller.');
        // Shown in the ticket panel unless the advisor is writing something there.
        if (!ticketFormsInUse()) showTicket(ticket.ref, { focus: false });
      },
      function () {},
    );
  }
  $('screen-pop-open').addEventListener('click', function () {
    if (!state.pop) return;
    var popped = state.pop;
    $('screen-pop').hidden = true;
    state.pop = null;
    if (state.ticket && state.ticket.ticket.ref === popped) {
      // Already shown: the focus goes there at once (the button that had it is now hidden).
      $('ticket-title').focus();
      reloadTicket(popped);
    } else {
      $('ticket-title').focus();
      showTicket(popped, { focus: true });
    }
  });
  $('screen-pop-dismiss').addEventListener('click', function () {
    $('screen-pop').hidden = true;
    state.pop = null;
    $('main').focus();
  });

  /** True while the advisor has typed something in a ticket form (fields pre-filled with the case's values do not count). */
  function ticketFormsInUse() {
    var fields = $('ticket-actions').querySelectorAll('textarea, input[type="text"], input[type="date"]');
    for (var i = 0; i < fields.length; i++) if (fields[i].value.trim() !== fields[i].defaultValue.trim()) return true;
    return false;
  }

  // ---- Lists -------------------------------------------------------------------------------------

  function isMine(view) {
    return Boolean(view.case.referent && state.me && view.case.referent.subject === state.me.subject);
  }
  function byPriorityThenAge(a, b) {
    return (
      Number(b.ticket.priority === 'prioritaire') - Number(a.ticket.priority === 'prioritaire') || a.ticket.createdAt.localeCompare(b.ticket.createdAt)
    );
  }

  function refresh() {
    if (!signedIn()) return Promise.resolve();
    var me = state.me;
    return Promise.all([
      api('GET', '/api/advisor/tickets?status=' + OPEN_STATUSES + '&limit=200'),
      api('GET', '/api/advisor/tickets?channel=voice&kind=routed&status=new&maxAgeHours=' + WAITING_CALL_HOURS),
      api('GET', '/api/advisor/chats'),
      api('GET', '/api/advisor/callbacks'),
    ]).then(
      function (results) {
        if (state.me !== me) return;
        var open = results[0];
        var calls = results[1].tickets;
        var chats = results[2].chats;
        var callbacks = results[3].callbacks;
        // A chat waits while nobody has taken its ticket (the ticket is written just before the chat's state).
        var waitingChats = chats.filter(function (c) {
          return c.chat.mode === 'waiting' || (c.case.status === 'new' && c.chat.mode === 'bot');
        });
        renderWaiting(calls.concat(waitingChats).sort(byPriorityThenAge));
        renderMyChats(
          chats.filter(function (c) {
            return c.chat.mode === 'human' && isMine(c);
          }),
        );
        renderOpen(open.tickets, open.truncated);
        renderCallbacks(callbacks);
        if (me.role !== 'advisor' && $('agenda-territory').value) loadAgenda();
      },
      function (error) {
        if (signedIn()) say(frenchError(error));
      },
    );
  }

  function fill(listId, emptyId, items, render, countId) {
    var list = $(listId);
    clear(list);
    items.forEach(function (item) {
      list.appendChild(render(item));
    });
    $(emptyId).hidden = items.length > 0;
    if (countId) $(countId).textContent = '(' + items.length + ')';
  }

  function cardFor(view, extra) {
    var t = view.ticket;
    var title = el('p', { className: 'card-title' }, [
      t.priority === 'prioritaire' ? el('span', { className: 'badge prioritaire', text: 'Prioritaire' }) : null,
      t.danger ? el('span', { className: 'badge prioritaire', text: 'Danger : ' + label('danger', t.danger) }) : null,
      el('span', { className: 'badge', text: label('channel', t.channel) }),
      (t.kind === 'callback' ? 'Rappel ' : 'Dossier ') + t.ref,
    ]);
    var details = [
      t.profile ? label('profile', t.profile) : null,
      t.need ? label('need', t.need) : null,
      t.departement ? (t.territoryName ? t.territoryName + ' (' + t.departement + ')' : 'Département ' + t.departement) : 'Département non précisé',
    ].filter(Boolean);
    var children = [
      title,
      el('p', { text: details.join(' · ') }),
      el('p', { text: 'État : ' + label('status', view.case.status) + ' · N' + view.case.level + (view.case.referent ? ' · Référent : ' + (view.case.referent.name || view.case.referent.subject) : '') }),
      el('p', { text: 'Arrivé le ' + when(t.createdAt) }),
    ];
    (extra || []).forEach(function (node) {
      children.push(node);
    });
    return el('li', { className: 'card' + (t.priority === 'prioritaire' ? ' prioritaire' : ''), 'data-ref': t.ref }, children);
  }

  function renderWaiting(items) {
    fill(
      'waiting-list',
      'waiting-empty',
      items,
      function (view) {
        var isChat = view.ticket.channel === 'chat';
        var actions = el('div', { className: 'button-row' }, [
          isChat ? button('Prendre le chat ' + view.ticket.ref, function () { takeChat(view); }, 'button') : null,
          button('Voir le dossier ' + view.ticket.ref, function () { showTicket(view.ticket.ref, { focus: true }); }),
        ]);
        return cardFor(view, [isChat && view.ticket.summary ? el('p', { text: view.ticket.summary }) : null, actions]);
      },
      'waiting-count',
    );
  }

  function renderMyChats(items) {
    fill('my-chats-list', 'my-chats-empty', items, function (view) {
      return cardFor(view, [
        el('div', { className: 'button-row' }, [button('Continuer le chat ' + view.ticket.ref, function () { openChat(view, true); }, 'button')]),
      ]);
    });
  }

  function renderOpen(items, truncated) {
    fill(
      'open-list',
      'open-empty',
      items,
      function (view) {
        return cardFor(view, [el('div', { className: 'button-row' }, [button('Voir le dossier ' + view.ticket.ref, function () { showTicket(view.ticket.ref, { focus: true }); })])]);
      },
      'open-count',
    );
    if (truncated) $('open-count').textContent = '(' + items.length + ' premiers)';
  }

  function contactLine(callback) {
    if (!callback) return null;
    if (callback.contact === 'phone') {
      if (callback.number) return el('p', {}, ['Numéro à rappeler : ', el('a', { href: 'tel:' + callback.number, text: callback.number })]);
      return el('p', { text: 'Numéro : se termine par ' + callback.lastDigits + ' (numéro complet réservé aux conseillers du territoire)' });
    }
    if (callback.email) return el('p', {}, ['Adresse à contacter : ', el('a', { href: 'mailto:' + callback.email, text: callback.email })]);
    return el('p', { text: 'Adresse : ' + callback.emailHint });
  }

  function renderCallbacks(items) {
    state.callbackContacts = {};
    items.forEach(function (view) {
      if (view.ticket.callback) state.callbackContacts[view.ticket.ref] = view.ticket.callback;
    });
    fill(
      'callbacks-list',
      'callbacks-empty',
      items,
      function (view) {
        var work = view.case.callback;
        return cardFor(view, [
          contactLine(view.ticket.callback),
          view.ticket.callback ? el('p', { text: 'Demandé le ' + when(view.ticket.callback.requestedAt) }) : null,
          work ? el('p', { text: (work.state === 'called' ? 'Déjà rappelé' : 'À rappeler') + ' · ' + work.attempts + ' essai' + (work.attempts > 1 ? 's' : '') }) : null,
          el('div', { className: 'button-row' }, [button('Voir le dossier ' + view.ticket.ref, function () { showTicket(view.ticket.ref, { focus: true }); })]),
        ]);
      },
      'callbacks-count',
    );
  }

  // ---- Agenda (coordinators) ----------------------------------------------------------------------

  function setupAgenda(me) {
    var select = $('agenda-territory');
    clear(select);
    if (me.role === 'advisor') {
      $('agenda').hidden = true;
      return;
    }
    var territories = me.territories === 'all' ? [] : me.territories;
    if (me.territories === 'all') {
      for (var n = 1; n <= 95; n++) {
        var code = n < 10 ? '0' + n : String(n);
        if (code === '20') {
          territories.push('2A', '2B');
          continue;
        }
        territories.push(code);
      }
      territories.push('971', '972', '973', '974', '976', 'XX');
    }
    territories.forEach(function (t) {
      select.appendChild(el('option', { value: t, text: t === 'XX' ? 'National (XX)' : t }));
    });
    $('agenda').hidden = false;
  }

  function loadAgenda() {
    var territory = $('agenda-territory').value;
    return api('GET', '/api/advisor/agenda?territory=' + encodeURIComponent(territory)).then(
      function (agenda) {
        var content = $('agenda-content');
        clear(content);
        if (agenda.staffs.length === 0) {
          content.appendChild(el('p', { className: 'empty', text: 'Aucun dossier N2 à l’agenda de ce département.' }));
          return;
        }
        agenda.staffs.forEach(function (staff) {
          content.appendChild(el('h3', { text: staff.staffDate === 'unscheduled' ? 'Sans date de staff' : 'Staff du ' + day(staff.staffDate) }));
          var list = el('ul', { className: 'cards' });
          staff.tickets.forEach(function (view) {
            list.appendChild(
              cardFor(view, [el('div', { className: 'button-row' }, [button('Voir le dossier ' + view.ticket.ref, function () { showTicket(view.ticket.ref, { focus: true }); })])]),
            );
          });
          content.appendChild(list);
        });
      },
      function (error) {
        say(frenchError(error));
      },
    );
  }
  $('agenda-form').addEventListener('submit', function (event) {
    event.preventDefault();
    loadAgenda();
  });

  // ---- The ticket panel --------------------------------------------------------------------------

  /** options.focus: the advisor asked for it (focus goes there); otherwise a background update that never wipes what they are typing. */
  function showTicket(ticketRef, options) {
    var background = !(options && options.focus);
    return api('GET', '/api/advisor/tickets/' + encodeURIComponent(ticketRef)).then(
      function (view) {
        if (background && ticketFormsInUse()) return;
        renderTicket(view);
        if (options && options.focus) $('ticket-title').focus();
      },
      function (error) {
        say(frenchError(error));
      },
    );
  }
  function reloadTicket(ticketRef) {
    if (ticketFormsInUse()) return;
    showTicket(ticketRef, { focus: false });
  }

  function field(list, term, value) {
    if (value === null || value === undefined || value === '') return;
    list.appendChild(el('dt', { text: term }));
    list.appendChild(el('dd', {}, [value]));
  }

  function textList(items) {
    return el(
      'ul',
      { className: 'plain-list' },
      items.map(function (item) {
        return el('li', { text: item });
      }),
    );
  }

  function renderTicket(view) {
    state.ticket = view;
    var t = view.ticket;
    var c = view.case;
    $('ticket-title').textContent = 'Dossier ' + t.ref;
    $('ticket-empty').hidden = true;
    $('ticket-body').hidden = false;
    $('ticket-error').textContent = '';
    $('ticket-summary').textContent = t.summary || (t.priority === 'prioritaire' ? 'Demande prioritaire.' : '');

    var fields = $('ticket-fields');
    clear(fields);
    field(fields, 'Priorité', t.priority === 'prioritaire' ? 'Prioritaire' : 'Normale');
    field(fields, 'Canal', label('channel', t.channel) + ' · ' + label('kind', t.kind));
    field(fields, 'Qui', t.profile ? label('profile', t.profile) : 'Non précisé');
    field(fields, 'Besoin', t.need ? label('need', t.need) : 'Non précisé');
    field(fields, 'Territoire', t.departement ? (t.territoryName ? t.territoryName + ' (' + t.departement + ')' : t.departement) : 'National (département non précisé)');
    field(fields, 'Arrivé le', when(t.createdAt));
    var contact = state.callbackContacts[t.ref] || t.callback;
    if (contact) field(fields, 'Rappel', contactLine(contact) || '');
    if (t.choices && t.choices.length) {
      field(
        fields,
        'Réponses données',
        t.choices
          .map(function (choice) {
            var value = LABELS.profile[choice.value] || LABELS.need[choice.value] || choice.value;
            return label('step', choice.step) + ' : ' + value;
          })
          .join(' ; '),
      );
    }
    field(fields, 'État', label('status', c.status) + ' · niveau N' + c.level);
    field(fields, 'Référent', c.referent ? (c.referent.name || c.referent.subject) + ' (' + label('role', c.referent.role) + ')' : 'Personne pour l’instant');
    if (c.staffDate) field(fields, 'Staff territorial', day(c.staffDate));
    if (c.partners.length) field(fields, 'Partenaires mobilisés', textList(c.partners));
    if (c.actions.length) field(fields, 'Actions', textList(c.actions));
    if (c.nextAction) field(fields, 'Prochaine action', c.nextAction.text + ' (pour le ' + day(c.nextAction.due) + ')');
    if (c.solution) field(fields, 'Solution', c.solution);

    var caseNode = $('ticket-case');
    clear(caseNode);
    if (t.transcript && t.transcript.length && !(state.chat && state.chat.ref === t.ref)) {
      caseNode.appendChild(el('h3', { text: 'Conversation avec le robot avant la mise en relation' }));
      var list = el('ol', { className: 'transcript' });
      t.transcript.forEach(function (line) {
        list.appendChild(el('li', {}, [el('strong', { text: label('from', line.from) + ' : ' }), line.text]));
      });
      caseNode.appendChild(list);
    }
    if (c.notes.length) {
      caseNode.appendChild(el('h3', { text: 'Notes' }));
      var notes = el('ul', { className: 'transcript' });
      c.notes.forEach(function (note) {
        notes.appendChild(el('li', {}, [el('strong', { text: (note.by.name || note.by.subject) + ', ' + when(note.at) + ' : ' }), note.text]));
      });
      caseNode.appendChild(notes);
    }
    // A background re-render keeps the focus on the same form element when it is rebuilt (stable ids).
    var focused = document.activeElement;
    var focusedId = focused && focused.id && $('ticket-actions').contains(focused) ? focused.id : null;
    renderActions(view);
    if (focusedId && $(focusedId)) $(focusedId).focus();
  }

  function act(method, path, body, done) {
    var ticketRef = state.ticket.ticket.ref;
    $('ticket-error').textContent = '';
    return api(method, '/api/advisor/tickets/' + encodeURIComponent(ticketRef) + path, body).then(
      function (view) {
        renderTicket(view);
        say(done);
        scheduleRefresh();
        return view;
      },
      function (error) {
        $('ticket-error').textContent = frenchError(error);
        if (error instanceof ApiError && error.status === 409) showTicket(ticketRef, { focus: false }).then(function () {
          $('ticket-error').textContent = frenchError(error);
        });
        throw error;
      },
    );
  }

  var formCounter = 0;
  function textForm(title, fieldLabel, submitText, onSubmit, options) {
    var id = 'f' + ++formCounter;
    var form = el('form', { className: 'form', novalidate: true, 'aria-labelledby': id + '-title' }, [
      el('h3', { id: id + '-title', text: title }),
      el('label', { for: id, text: fieldLabel }),
      el(options && options.input ? 'input' : 'textarea', options && options.input ? { id: id, type: 'text', maxlength: options.max } : { id: id, rows: 3, maxlength: (options && options.max) || 4000 }),
      el('div', { className: 'button-row' }, [el('button', { type: 'submit', className: 'button', text: submitText })]),
    ]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = form.querySelector('#' + id);
      var value = input.value.trim();
      if (!value) {
        $('ticket-error').textContent = 'Le champ « ' + fieldLabel + ' » est vide.';
        input.focus();
        return;
      }
      onSubmit(value).then(
        function () {},
        function () {
          input.focus();
        },
      );
    });
    return form;
  }

  function renderActions(view) {
    var actions = $('ticket-actions');
    clear(actions);
    var allowed = view.allowedEvents;
    var t = view.ticket;
    var row = el('div', { className: 'button-row' });
    if (allowed.indexOf('TAKE') >= 0) {
      row.appendChild(button('Prendre le dossier', function () { act('POST', '/take', {}, 'Vous êtes le référent du dossier ' + t.ref + '.'); }, 'button'));
    }
    if (t.channel === 'chat' && (view.case.status === 'new' || isMine(view)) && !(state.chat && state.chat.ref === t.ref)) {
      row.appendChild(button('Ouvrir le chat en direct', function () { takeChat(view); }, 'button'));
    }
    if (allowed.indexOf('CALLBACK_ATTEMPT') >= 0 && t.kind === 'callback') {
      row.appendChild(button('Rappel : personne jointe', function () { act('POST', '/callback-attempts', { reached: true }, 'Rappel enregistré : personne jointe.'); }));
      row.appendChild(button('Rappel : pas de réponse', function () { act('POST', '/callback-attempts', { reached: false }, 'Rappel enregistré : pas de réponse.'); }));
    }
    if (row.childNodes.length) actions.appendChild(row);

    if (allowed.indexOf('COMMENT') >= 0) {
      actions.appendChild(textForm('Ajouter une note', 'Note', 'Enregistrer la note', function (text) { return act('POST', '/comments', { text: text }, 'Note enregistrée.'); }));
    }
    if (allowed.indexOf('UPDATE') >= 0) {
      // The API lets the referent or a coordinator change a case (403 for the others): the form is offered to them only.
      if (isMine(view) || state.me.role !== 'advisor') actions.appendChild(updateForm(view));
      else actions.appendChild(el('p', { className: 'hint', text: 'Seul le référent de ce dossier ou un coordinateur peut enregistrer les partenaires, les actions et la prochaine action.' }));
    }
    if (allowed.indexOf('ESCALATE_N2') >= 0 || allowed.indexOf('ESCALATE_N3') >= 0) actions.appendChild(levelForm(view));
    if (allowed.indexOf('SOLVE') >= 0) {
      actions.appendChild(textForm('Clôturer le dossier', 'Solution mise en place', 'Clôturer', function (text) { return act('POST', '/close', { solution: text }, 'Dossier clôturé.'); }, { max: 2000 }));
    }
  }

  /** One line, one item: trimmed, empty lines dropped. */
  function lines(text) {
    return text
      .split(/\r?\n/)
      .map(function (line) {
        return line.trim();
      })
      .filter(function (line) {
        return line !== '';
      });
  }
  function sameList(a, b) {
    return a.length === b.length && a.every(function (item, i) { return item === b[i]; });
  }

  /**
   * Partners mobilised, actions agreed and the next action with its date: PATCH /api/advisor/tickets/:ref
   * with the fields that changed (each list replaces the recorded one). In N2, partners and actions
   * both given move the case to « N2 : actions enregistrées », from which it can be closed.
   */
  function updateForm(view) {
    var c = view.case;
    var partners = el('textarea', { id: 'update-partners', rows: 3, 'aria-describedby': 'update-partners-hint', text: c.partners.join('\n') });
    var actionsField = el('textarea', { id: 'update-actions', rows: 3, 'aria-describedby': 'update-actions-hint', text: c.actions.join('\n') });
    var nextText = el('input', { id: 'update-next-text', type: 'text', maxlength: 500, value: c.nextAction ? c.nextAction.text : '' });
    var nextDue = el('input', { id: 'update-next-due', type: 'date', 'aria-describedby': 'update-next-due-hint', value: c.nextAction ? c.nextAction.due : '' });
    var form = el('form', { id: 'update-form', className: 'form', novalidate: true, 'aria-labelledby': 'update-title' }, [
      el('h3', { id: 'update-title', tabindex: '-1', text: 'Partenaires, actions et prochaine action' }),
      c.status === 'n2_on_agenda'
        ? el('p', { className: 'hint', text: 'Quand les partenaires et les actions sont renseignés, le dossier passe en « N2 : actions enregistrées » et peut être clôturé.' })
        : null,
      el('label', { for: 'update-partners', text: 'Partenaires mobilisés' }),
      el('p', { id: 'update-partners-hint', className: 'hint', text: 'Un partenaire par ligne (50 au plus, 200 caractères chacun).' }),
      partners,
      el('label', { for: 'update-actions', text: 'Actions' }),
      el('p', { id: 'update-actions-hint', className: 'hint', text: 'Une action par ligne (100 au plus, 500 caractères chacune).' }),
      actionsField,
      el('fieldset', {}, [
        el('legend', { text: 'Prochaine action' }),
        el('label', { for: 'update-next-text', text: 'Prochaine action à faire' }),
        nextText,
        el('label', { for: 'update-next-due', text: 'Date de la prochaine action' }),
        el('p', { id: 'update-next-due-hint', className: 'hint', text: 'Format : jj/mm/aaaa. Videz les deux champs pour effacer la prochaine action.' }),
        nextDue,
      ]),
      el('div', { className: 'button-row' }, [el('button', { type: 'submit', className: 'button', text: 'Enregistrer partenaires et actions' })]),
    ]);
    var inputs = [partners, actionsField, nextText, nextDue];

    function refuse(input, message) {
      input.setAttribute('aria-invalid', 'true');
      $('ticket-error').textContent = message;
      input.focus();
    }
    function tooLong(list, max) {
      return list.some(function (item) { return item.length > max; });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      inputs.forEach(function (input) { input.removeAttribute('aria-invalid'); });
      var givenPartners = lines(partners.value);
      var givenActions = lines(actionsField.value);
      var text = nextText.value.trim();
      var due = nextDue.value;
      if (givenPartners.length > 50) return refuse(partners, 'Il y a trop de partenaires : 50 au plus.');
      if (tooLong(givenPartners, 200)) return refuse(partners, 'Le nom d’un partenaire dépasse 200 caractères : raccourcissez-le.');
      if (givenActions.length > 100) return refuse(actionsField, 'Il y a trop d’actions : 100 au plus.');
      if (tooLong(givenActions, 500)) return refuse(actionsField, 'Une action dépasse 500 caractères : raccourcissez-la.');
      if (text && !due) return refuse(nextDue, 'Indiquez la date de la prochaine action.');
      if (due && !text) return refuse(nextText, 'Décrivez la prochaine action.');

      var body = {};
      if (!sameList(givenPartners, c.partners)) body.partners = givenPartners;
      if (!sameList(givenActions, c.actions)) body.actions = givenActions;
      if (text && due) {
        if (!c.nextAction || c.nextAction.text !== text || c.nextAction.due !== due) body.nextAction = { text: text, due: due };
      } else if (c.nextAction) {
        body.nextAction = null;
      }
      if (Object.keys(body).length === 0) return refuse(partners, 'Rien à enregistrer : modifiez au moins un champ.');

      var before = c.status;
      act('PATCH', '', body, 'Partenaires, actions et prochaine action enregistrés.').then(
        function (updated) {
          if (before === 'n2_on_agenda' && updated.case.status === 'n2_actions_recorded') {
            say('Partenaires et actions enregistrés : le dossier est en « N2 : actions enregistrées ». Il peut maintenant être clôturé.');
          }
          var title = $('update-title') || $('ticket-title');
          title.focus();
        },
        function () {
          partners.focus();
        },
      );
    });
    return form;
  }

  function levelForm(view) {
    var id = 'f' + ++formCounter;
    var coordinates = state.me.role !== 'advisor';
    var canN2 = view.allowedEvents.indexOf('ESCALATE_N2') >= 0;
    var canN3 = view.allowedEvents.indexOf('ESCALATE_N3') >= 0 && coordinates;
    var select = el('select', { id: id + '-level' }, [
      canN2 ? el('option', { value: '2', text: 'N2 : situation complexe, inscrire au staff territorial' }) : null,
      view.allowedEvents.indexOf('ESCALATE_N3') >= 0 ? el('option', { value: '3', text: 'N3 : besoin sans solution (coordinateur)' }) : null,
    ]);
    var date = el('input', { id: id + '-date', type: 'date', 'aria-describedby': id + '-date-hint' });
    var dateBlock = el('div', {}, [
      el('label', { for: id + '-date', text: 'Date du staff territorial' }),
      el('p', { id: id + '-date-hint', className: 'hint', text: 'Format : jj/mm/aaaa.' }),
      date,
    ]);
    var missing = el('fieldset', {}, [el('legend', { text: 'Ce qui a manqué (au moins un choix)' })]);
    Object.keys(LABELS.missing).forEach(function (kind) {
      missing.appendChild(el('div', { className: 'check' }, [el('input', { type: 'checkbox', id: id + '-' + kind, value: kind }), el('label', { for: id + '-' + kind, text: LABELS.missing[kind] })]));
    });
    function sync() {
      dateBlock.hidden = select.value !== '2';
      missing.hidden = select.value !== '3';
    }
    select.addEventListener('change', sync);
    var form = el('form', { className: 'form', novalidate: true, 'aria-labelledby': id + '-title' }, [
      el('h3', { id: id + '-title', text: 'Changer de niveau' }),
      el('label', { for: id + '-level', text: 'Nouveau niveau' }),
      select,
      dateBlock,
      missing,
      !canN3 && view.allowedEvents.indexOf('ESCALATE_N3') >= 0 ? el('p', { className: 'hint', text: 'Le N3 est enregistré par un coordinateur.' }) : null,
      el('div', { className: 'button-row' }, [el('button', { type: 'submit', className: 'button', text: 'Changer de niveau' })]),
    ]);
    sync();
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (select.value === '2') {
        if (!date.value) {
          $('ticket-error').textContent = 'Indiquez la date du staff territorial.';
          date.focus();
          return;
        }
        act('POST', '/level', { level: 2, staffDate: date.value }, 'Dossier passé en N2, inscrit au staff du ' + day(date.value) + '.').catch(function () {});
        return;
      }
      var kinds = Array.prototype.slice.call(missing.querySelectorAll('input:checked')).map(function (box) {
        return box.value;
      });
      if (kinds.length === 0) {
        $('ticket-error').textContent = 'Cochez au moins ce qui a manqué.';
        missing.querySelector('input').focus();
        return;
      }
      act('POST', '/level', { level: 3, missing: kinds }, 'Besoin sans solution enregistré (N3) pour l’observatoire.').catch(function () {});
    });
    return form;
  }

  // ---- Live chat ---------------------------------------------------------------------------------

  /** Take a waiting chat: its ticket first (one advisor only), then the conversation (the bot goes quiet). */
  function takeChat(view) {
    var t = view.ticket;
    var first = view.case.status === 'new' ? api('POST', '/api/advisor/tickets/' + encodeURIComponent(t.ref) + '/take', {}) : Promise.resolve(view);
    return first
      .then(function (taken) {
        return api('POST', '/api/chats/' + encodeURIComponent(t.conversationId) + '/take', {}).then(function () {
          return taken;
        });
      })
      .then(
        function (taken) {
          say('Vous avez pris le chat ' + t.ref + '. La personne voit que vous répondez.');
          openChat(taken, true);
          scheduleRefresh();
        },
        function (error) {
          say(error instanceof ApiError && error.status === 409 ? 'Un collègue a déjà pris ce chat.' : frenchError(error));
          scheduleRefresh();
        },
      );
  }

  function openChat(view, focus) {
    state.chat = { ref: view.ticket.ref, conversationId: view.ticket.conversationId, seen: {} };
    clear($('chat-messages'));
    $('chat-title').textContent = 'Chat en direct : dossier ' + view.ticket.ref;
    $('chat-state').textContent = 'Vous écrivez à la personne. Le robot se tait jusqu’à ce que vous lui rendiez la main.';
    $('chat-error').textContent = '';
    $('chat-danger').hidden = true;
    if (view.ticket.danger) showChatDanger(view.ticket.danger);
    $('chat-panel').hidden = false;
    renderTicket(view);
    loadTranscript().then(function () {
      if (focus) $('chat-text').focus();
    });
  }

  function loadTranscript() {
    var chat = state.chat;
    if (!chat) return Promise.resolve();
    return api('GET', '/api/chats/' + encodeURIComponent(chat.conversationId) + '/transcript').then(
      function (transcript) {
        if (state.chat !== chat) return;
        var list = $('chat-messages');
        transcript.messages.forEach(function (message) {
          if (chat.seen[message.id]) return;
          chat.seen[message.id] = true;
          list.appendChild(
            el('li', { className: 'message from-' + message.from, 'data-from': message.from }, [
              el('p', { className: 'from', text: label('from', message.from) + (message.at ? ', ' + when(message.at) : '') }),
              el('p', { className: 'text', text: message.text }),
            ]),
          );
        });
        var log = $('chat-log');
        log.scrollTop = log.scrollHeight;
        if (transcript.mode !== 'human') $('chat-state').textContent = 'Cette conversation est ' + label('chatMode', transcript.mode) + '.';
      },
      function (error) {
        $('chat-error').textContent = frenchError(error);
      },
    );
  }

  $('chat-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var chat = state.chat;
    var input = $('chat-text');
    var text = input.value.trim();
    if (!chat) return;
    if (!text) {
      $('chat-error').textContent = 'Écrivez un message avant d’envoyer.';
      input.focus();
      return;
    }
    $('chat-error').textContent = '';
    api('POST', '/api/chats/' + encodeURIComponent(chat.conversationId) + '/messages', { text: text }).then(
      function () {
        input.value = '';
        say('Message envoyé.');
        loadTranscript();
      },
      function (error) {
        $('chat-error').textContent = frenchError(error);
        input.focus();
      },
    );
  });

  $('chat-release').addEventListener('click', function () {
    var chat = state.chat;
    if (!chat) return;
    api('POST', '/api/chats/' + encodeURIComponent(chat.conversationId) + '/release', {}).then(
      function () {
        state.chat = null;
        $('chat-panel').hidden = true;
        say('Le robot a repris la conversation du dossier ' + chat.ref + '.');
        $('ticket-title').focus();
        scheduleRefresh();
      },
      function (error) {
        $('chat-error').textContent = frenchError(error);
      },
    );
  });

  // ---- Start -------------------------------------------------------------------------------------

  /** The session the server knows (signed in through the provider?), and which ways to sign in it offers. */
  function start() {
    return fetch('/auth/session', { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        return response.json();
      })
      .then(
        function (session) {
          $('sign-in-provider').hidden = !session.signInAvailable;
          $('token-fallback').hidden = !session.tokenFallback;
          $('sign-in-unavailable').hidden = Boolean(session.signInAvailable || session.tokenFallback || session.signedIn);
          if (session.ended) $('sign-in-ended').textContent = 'Votre session a pris fin. Reconnectez-vous.';
          if (session.signedIn) {
            state.session = { csrfToken: session.csrfToken };
            showSignedIn(session.principal);
            return;
          }
          var saved = sessionStorage.getItem(TOKEN_KEY);
          if (saved && session.tokenFallback) {
            signIn(saved).catch(function (error) {
              signOut(error instanceof ApiError && error.status === 401 ? 'Votre jeton d’accès a expiré. Reconnectez-vous.' : frenchError(error));
            });
          }
        },
        function () {
          $('sign-in-ended').textContent = 'Le service ne répond pas. Rechargez la page dans un instant.';
        },
      );
  }
  start();
})();
