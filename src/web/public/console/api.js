/* The API client: every call to the advisor API, signed in either by the session cookie (changes carry
   the session's CSRF token in X-CSRF-Token) or, in development, by a pasted bearer token (fetch with
   Authorization, EventSource with ?access_token=). Also the live event stream (SSE). */

const auth = {
  /** Development fallback: a pasted bearer token. */
  token: null,
  /** Signed in through the provider: the server-side session's CSRF token. */
  csrfToken: null,
};
let onUnauthorised = () => {};

export class ApiError extends Error {
  /** `body`: the answer's JSON, for the details some refusals carry (an import's problems by line). */
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body || null;
  }
}

export function useToken(token) {
  auth.token = token;
  auth.csrfToken = null;
}
export function useSession(csrfToken) {
  auth.token = null;
  auth.csrfToken = csrfToken;
}
export function forget() {
  auth.token = null;
  auth.csrfToken = null;
}
export function signedIn() {
  return Boolean(auth.token || auth.csrfToken);
}
export function bySession() {
  return Boolean(auth.csrfToken);
}
/** Called with no argument when the API answers 401 to someone signed in. */
export function whenUnauthorised(handler) {
  onUnauthorised = handler;
}

/** A JSON call; `options.contentType` sends `body` as it is (a file's text) with that type instead. */
export async function api(method, path, body, options) {
  const headers = { accept: 'application/json' };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  else if (auth.csrfToken && method !== 'GET') headers['x-csrf-token'] = auth.csrfToken;
  const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
  if (body !== undefined) {
    const raw = Boolean(options && options.contentType);
    headers['content-type'] = raw ? options.contentType : 'application/json';
    init.body = raw ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new Error('network');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401 && signedIn()) onUnauthorised();
    throw new ApiError(response.status, (json && json.error) || '', json);
  }
  return json;
}

/** The event types the console listens to on /api/advisor/events. */
export const EVENT_TYPES = ['ticket.created', 'ticket.updated', 'chat.message', 'chat.danger', 'chat.dangerDoubt', 'person.returned'];

/**
 * Opens the live stream; handlers: ready(), event(parsed), broken(closed). Returns the EventSource.
 */
export function openEventStream(handlers) {
  const source = new EventSource(auth.token ? `/api/advisor/events?access_token=${encodeURIComponent(auth.token)}` : '/api/advisor/events');
  source.addEventListener('ready', () => handlers.ready());
  EVENT_TYPES.forEach((type) => {
    source.addEventListener(type, (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      handlers.event(event);
    });
  });
  source.onerror = () => handlers.broken(source.readyState === EventSource.CLOSED);
  return source;
}
