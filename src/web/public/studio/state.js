/* What the studio's panels share: who is signed in, the published version and its territories, the
   territory shown, and the draft being edited (panels listen for its changes). */

export const studio = {
  me: null,
  /** Coordinators and national admins change drafts; advisors read. */
  editable: false,
  published: null,
  /** The published version's territories (from its config/territories.yaml). */
  territories: {},
  code: null,
  /** The draft's view from the API ({ id, basedOn, revision, diff, … }), or null. */
  draft: null,
};

const listeners = { draft: [], territory: [], published: [], publishedNow: [] };

export function on(what, listener) {
  listeners[what].push(listener);
}

function tell(what, value) {
  listeners[what].forEach((listener) => listener(value));
}

export function setDraft(draft) {
  studio.draft = draft;
  tell('draft', draft);
}

export function showTerritory(code) {
  studio.code = code;
  tell('territory', code);
}

export function setPublished(number, territories) {
  studio.published = number;
  studio.territories = territories;
  tell('published', number);
}

/** A version was just published from this page (a publish or a roll back): panels read the versions again. */
export function publishedNow(number) {
  tell('publishedNow', number);
}
