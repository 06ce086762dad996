/* What the studio's panels share: who is signed in, the published version and its territories, the
   territory shown, and the draft being edited (panels listen for its changes). */

export const studio = {
  me: null,
  /** Coordinators and national admins change drafts; advisors read. */
  editable: false,
  published: null,
  /** The published version's territories (from its config/territories.yaml). */
  territories: {},
  /** The published version's national settings (fallback, crisis switch, postcode overrides). */
  national: null,
  /** The published version's files (paths), for export and import. */
  files: [],
  code: null,
  /** The draft's view from the API ({ id, basedOn, revision, diff, … }), or null. */
  draft: null,
  /** The draft's national settings and territories when it was opened (its config/territories.yaml), or null. */
  drafted: null,
};

/** A territory as the draft opened holds it (as published when there is none): the editors start from it. */
export function draftedTerritory(code) {
  return (studio.drafted && studio.drafted.territories[code]) || studio.territories[code];
}

/** The national settings as the draft opened holds them (as published when there is none). */
export function draftedNational() {
  return (studio.drafted && studio.drafted.national) || studio.national;
}

const listeners = { draft: [], drafted: [], territory: [], published: [], publishedNow: [] };

export function on(what, listener) {
  listeners[what].push(listener);
}

/**
 * What a panel saved into the draft is forgotten when the draft is replaced: opened or a territories
 * file imported (its own values replace them), or dropped (the published ones come back).
 */
export function onDraftReset(forget) {
  on('drafted', () => forget());
  on('draft', (draft) => {
    if (draft === null) forget();
  });
}

function tell(what, value) {
  listeners[what].forEach((listener) => listener(value));
}

export function setDraft(draft) {
  studio.draft = draft;
  if (draft === null) studio.drafted = null;
  // The draft's address stays in the page's: a reload, or a second national admin, opens it again.
  const url = new URL(window.location.href);
  if (draft) url.searchParams.set('brouillon', draft.id);
  else url.searchParams.delete('brouillon');
  window.history.replaceState(null, '', url);
  tell('draft', draft);
}

/** The draft opened holds these national settings and territories: the editors show them. */
export function setDrafted(drafted) {
  studio.drafted = drafted;
  tell('drafted', drafted);
}

export function showTerritory(code) {
  studio.code = code;
  tell('territory', code);
}

export function setPublished(number, { territories, national }, files) {
  studio.published = number;
  studio.territories = territories;
  studio.national = national;
  studio.files = files;
  tell('published', number);
}

/** A version was just published from this page (a publish or a roll back): panels read the versions again. */
export function publishedNow(number) {
  tell('publishedNow', number);
}
