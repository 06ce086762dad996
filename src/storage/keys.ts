/**
 * The one place that names every storage key. Keys are `<namespace>:<kind>:{<id>}…`; the namespace is
 * `o360` in the service and a unique value in tests that share a Redis.
 *
 * Redis Cluster: the part in braces is the key's hash tag, the only part hashed to pick its slot. It
 * is the id that groups the records that belong together, so that they may be read or changed in one
 * MULTI or script on one node:
 * - a ticket ref: the ticket, its case, its audit trail, its lock (`o360:ticket:{T-44-7K3F9Q}`,
 *   `o360:ticket-case:{T-44-7K3F9Q}`, `o360:lock:ticket:{T-44-7K3F9Q}`);
 * - a conversation id (CallSid, chat id): its state, its ticket pointer, its once-markers, its Direct
 *   Line records (`o360:call:{CA…}`, `o360:ticket-by-conversation:{CA…}`, `o360:once:ticket:{CA…}`);
 * - a territory: the months of its ticket index (`o360:ticket-index:{44}:2025-03`), the days of its
 *   dashboard figures (`o360:daily-figures:{44}:2025-03-31`);
 * - a queue name, a counter name, a day, a month for the other kinds.
 * Today every command, MULTI and script of the service names one key only (audited: the store port has
 * no multi-key command, MULTI batches one key's commands and its EXPIRE, the one script
 * (listAppendWithin) names one key, the waiting room is one sorted set per queue, and the service never
 * lists keys: no SCAN, no KEYS), so the tags are what keeps a future multi-key change in one slot.
 * Pub/sub channels are not keys: classic PUBLISH reaches every node of a cluster.
 */
export const DEFAULT_KEY_NAMESPACE = 'o360';

export interface StoreKeys {
  readonly namespace: string;
  /** State of one phone call, by Twilio CallSid. */
  call(callSid: string): string;
  /** State of one web chat conversation. */
  chat(conversationId: string): string;
  /** The transcript of one web chat conversation, oldest line first (a list, beside its state: same hash tag). */
  chatTranscript(conversationId: string): string;
  /** A pre-filled ticket, by its human-readable ref (T-44-7K3F9Q). */
  ticket(ref: string): string;
  /** Which ticket a conversation (CallSid, chat id) created. */
  ticketByConversation(conversationId: string): string;
  /** A counter without personal data, e.g. counter('calls', '44', '2025-01-31'). */
  counter(name: string, ...parts: string[]): string;
  /** A marker that makes a one-off action idempotent (e.g. a Twilio webhook retried). */
  once(action: string, id: string): string;
  /** Who waits in one Twilio queue (a sorted set of CallSids); any queue name, escaped. */
  queue(queueName: string): string;
  /** A web chat (Direct Line) conversation record: its user id, locale, creation time. */
  directLineConversation(conversationId: string): string;
  /** The activities of a web chat conversation, oldest first (a list; chat text: always with a TTL). */
  directLineActivities(conversationId: string): string;
  /** The pub/sub channel that announces each new activity of a web chat conversation to every process. */
  directLineChannel(conversationId: string): string;
  /**
   * The refs of the tickets created in one territory (a département code, XX for unknown, or `all`)
   * during one month (YYYY-MM), in creation order: a list, so listing reads a few months, not every key.
   */
  ticketIndex(territory: string, month: string): string;
  /** An advisor's work on one ticket (lifecycle state, notes, partners), by ticket ref. */
  ticketCase(ref: string): string;
  /** A short lock on one record while it is read, changed and written. */
  lock(kind: string, id: string): string;
  /** The append-only audit trail of one ticket (a list). */
  auditOfTicket(ref: string): string;
  /** The append-only audit trail of the whole service, one list per day (YYYY-MM-DD). */
  auditOfDay(day: string): string;
  /** Unmet needs recorded for the observatory, one list per month (YYYY-MM); no personal data. */
  unmetNeeds(month: string): string;
  /** The pub/sub channel of the advisor console's live events for one territory (or `all`). */
  advisorEvents(territory: string): string;
  /** Prefix of one rate limit's counters (the limiter appends `:<client key>`; each has a TTL). */
  rateLimit(name: string): string;
  /** The refs of one person's tickets (a list, by pseudonymous person key; TTL: ticket retention). */
  personTickets(personKey: string): string;
  /** A staff account (role, territories), by lower-case e-mail. */
  staffAccount(email: string): string;
  /** The e-mail of the staff account an identity provider's subject (`sub`) signed in as. */
  staffBySubject(subject: string): string;
  /** The e-mails of every staff account (one JSON list). */
  staffIndex(): string;
  /** A staff member's server-side session, by session id. */
  staffSession(sessionId: string): string;
  /** Who is available, paused or offline in one territory (a département code, XX or `all`), with a TTL. */
  advisorPresence(territory: string): string;
  /** The dashboard's counters of one territory (a département code, XX or `all`) for one local day (YYYY-MM-DD): a hash, no personal data. */
  dailyFigures(territory: string, day: string): string;
  /** A territory's own wrap-up codes (no personal data), replacing the national list. */
  wrapUpCodes(territory: string): string;
  /** The directory as coordinators edited it before the studio versioned it: read once at start, published, deleted (src/directory/migrate.ts). */
  directory(): string;
  /** The studio's counter of configuration versions (the last number given). */
  studioVersionCounter(): string;
  /** One configuration version (number, author, comment, diff, the hashes of its files); immutable. */
  studioVersion(version: number): string;
  /** The text of one configuration file, by the SHA-256 of its text (versions share unchanged files). */
  studioFile(hash: string): string;
  /** The number of the published version: publishing is one SET of this key. */
  studioPublished(): string;
  /** A coordinator's draft (the files it changes, its base version, its approvals). */
  studioDraft(draftId: string): string;
  /** The pub/sub channel that tells every process a version was published. */
  studioChannel(): string;
}

/** Escapes a free-form name (spaces, ':', glob characters) into one key segment. */
function escapeName(name: string): string {
  return encodeURIComponent(name).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const FORBIDDEN_IN_SEGMENT = /[\s:*?[\]{}]/;

function segment(kind: string, value: string): string {
  if (value === '' || FORBIDDEN_IN_SEGMENT.test(value)) {
    throw new RangeError(`Invalid ${kind} key segment: it must be non-empty, without spaces, ':' or glob characters`);
  }
  return value;
}

/** `{value}`: a hash tag (the segment rules already keep braces out of every value). */
function tag(value: string): string {
  return `{${value}}`;
}

const NONE: readonly string[] = Object.freeze([]);

export function createStoreKeys(namespace: string = DEFAULT_KEY_NAMESPACE): StoreKeys {
  const ns = segment('namespace', namespace);
  /**
   * `<ns>:<kind>:<before…>:{<grouping id>}:<after…>`, every segment checked. Built by concatenation
   * (several keys per webhook: no arrays to allocate).
   */
  const key = (kind: string, before: readonly string[], groupingId: string, after: readonly string[] = NONE) => {
    let built = `${ns}:${kind}`;
    for (const part of before) built += `:${segment(kind, part)}`;
    built += `:${tag(segment(kind, groupingId))}`;
    for (const part of after) built += `:${segment(kind, part)}`;
    return built;
  };
  return Object.freeze({
    namespace: ns,
    call: (callSid: string) => key('call', NONE, callSid),
    chat: (conversationId: string) => key('chat', NONE, conversationId),
    chatTranscript: (conversationId: string) => key('chat-transcript', NONE, conversationId),
    ticket: (ref: string) => key('ticket', NONE, ref),
    ticketByConversation: (conversationId: string) => key('ticket-by-conversation', NONE, conversationId),
    counter: (name: string, ...parts: string[]) => key('counter', NONE, name, parts),
    once: (action: string, id: string) => key('once', [action], id),
    queue: (queueName: string) => key('queue', NONE, escapeName(queueName)),
    directLineConversation: (conversationId: string) => key('dl-conversation', NONE, conversationId),
    directLineActivities: (conversationId: string) => key('dl-activities', NONE, conversationId),
    directLineChannel: (conversationId: string) => key('dl-channel', NONE, conversationId),
    ticketIndex: (territory: string, month: string) => key('ticket-index', NONE, territory, [month]),
    ticketCase: (ref: string) => key('ticket-case', NONE, ref),
    lock: (kind: string, id: string) => key('lock', [kind], id),
    auditOfTicket: (ref: string) => key('audit-ticket', NONE, ref),
    auditOfDay: (day: string) => key('audit-day', NONE, day),
    unmetNeeds: (month: string) => key('unmet-needs', NONE, month),
    advisorEvents: (territory: string) => key('advisor-events', NONE, territory),
    rateLimit: (name: string) => key('rate-limit', NONE, name),
    personTickets: (personKey: string) => key('person-tickets', NONE, personKey),
    staffAccount: (email: string) => key('staff', NONE, escapeName(email)),
    staffBySubject: (subject: string) => key('staff-subject', NONE, escapeName(subject)),
    staffIndex: () => key('staff-index', NONE, 'all'),
    staffSession: (sessionId: string) => key('staff-session', NONE, escapeName(sessionId)),
    advisorPresence: (territory: string) => key('advisor-presence', NONE, territory),
    dailyFigures: (territory: string, day: string) => key('daily-figures', NONE, territory, [day]),
    wrapUpCodes: (territory: string) => key('wrap-up-codes', NONE, territory),
    directory: () => key('directory', NONE, 'all'),
    studioVersionCounter: () => key('studio-version-counter', NONE, 'all'),
    studioVersion: (version: number) => key('studio-version', NONE, String(version)),
    studioFile: (hash: string) => key('studio-file', NONE, hash),
    studioPublished: () => key('studio-published', NONE, 'all'),
    studioDraft: (draftId: string) => key('studio-draft', NONE, draftId),
    studioChannel: () => key('studio-channel', NONE, 'all'),
  });
}

/** The keys of the service. */
export const storeKeys: StoreKeys = createStoreKeys();
