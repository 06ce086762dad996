/* The studio's API client: the console's client (session cookie, CSRF token on changes) for the
   studio's routes (/api/studio) and the directory's (into a draft), the session, and the YAML reader for a
   version's territories and directory files. */
import { api, ApiError, useSession } from '../console/api.js';
import { parse } from '/studio/vendor/yaml/index.js';

export { ApiError };

/** The session the server knows: { signedIn, principal, csrfToken }. */
export async function readSession() {
  const response = await fetch('/auth/session', { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new Error('session');
  const session = await response.json();
  if (session.signedIn) useSession(session.csrfToken);
  return session;
}

/** The API's own French sentence when it gave one, else a general one. */
export function frenchProblem(error) {
  if (error instanceof ApiError && error.message) return error.message;
  if (error instanceof ApiError && error.status === 403) return 'Votre rôle ou vos territoires ne permettent pas cette action.';
  return 'Le service ne répond pas. Vérifiez la connexion puis réessayez.';
}

export const studioApi = {
  versions: () => api('GET', '/api/studio/versions'),
  version: (number) => api('GET', `/api/studio/versions/${number}`),
  newDraft: () => api('POST', '/api/studio/drafts', {}),
  dropDraft: (id) => api('DELETE', `/api/studio/drafts/${id}`),
  editTerritory: (id, code, edit) => api('PUT', `/api/studio/drafts/${id}/territories/${encodeURIComponent(code)}`, edit),
  check: (id) => api('POST', `/api/studio/drafts/${id}/check`, {}),
  publish: (id, comment) => api('POST', `/api/studio/drafts/${id}/publish`, { comment }),
  rollback: (to, comment) => api('POST', '/api/studio/rollback', { to, comment, confirm: true }),
  tryCall: (id, trial) => api('POST', `/api/studio/drafts/${id}/trial/call`, trial),
  tryChat: (id, trial) => api('POST', `/api/studio/drafts/${id}/trial/chat`, trial),
  draft: (id) => api('GET', `/api/studio/drafts/${encodeURIComponent(id)}`),
  editNational: (id, edit) => api('PUT', `/api/studio/drafts/${id}/national`, edit),
  importFile: (id, path, text) => api('PUT', `/api/studio/drafts/${id}/files/${path}`, { text }),
  approve: (id) => api('POST', `/api/studio/drafts/${id}/approve`, {}),
  crisis: (change) => api('POST', '/api/studio/crisis', change),
  closure: (code, change) => api('POST', `/api/studio/territories/${encodeURIComponent(code)}/closure`, change),
};

/** The directory's routes (/api/directory), every change into the draft `draftId`: the answer is { result, draft }. */
export const directoryApi = {
  put: (draftId, organisation) => api('PUT', `/api/directory/organisations/${encodeURIComponent(organisation.id)}?draft=${draftId}`, organisation),
  remove: (draftId, id) => api('DELETE', `/api/directory/organisations/${encodeURIComponent(id)}?draft=${draftId}`),
  importCsv: (draftId, bytes) => api('POST', `/api/directory/import?draft=${draftId}`, bytes, { contentType: 'text/csv' }),
};

/** Where a file of a version, or of a draft, is exported (downloaded as YAML). */
export const fileUrl = {
  version: (number, path) => `/api/studio/versions/${number}/files/${path}`,
  draft: (id, path) => `/api/studio/drafts/${id}/files/${path}`,
};

async function fileOf(numberOrDraft, path) {
  const url = String(numberOrDraft).startsWith('D-') ? fileUrl.draft(numberOrDraft, path) : fileUrl.version(numberOrDraft, path);
  const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, '');
  return parse(await response.text());
}

/** The organisations of the directory of a version (or a draft), read from its config/directory.yaml. */
export async function directoryOf(numberOrDraft) {
  const file = await fileOf(numberOrDraft, 'config/directory.yaml');
  return (file && file.organisations) || [];
}

/** The national settings and the territories of a version (or a draft: « D-… »), read from its config/territories.yaml (the export). */
export async function territoriesOf(numberOrDraft) {
  const file = await fileOf(numberOrDraft, 'config/territories.yaml');
  return { national: file.national || {}, territories: file.territories || {} };
}
