/**
 * The load of the chat benchmark: simulated Web Chat users driving our Direct Line as
 * botframework-directlinejs does (token, conversation, WebSocket, posted activities), timed until the
 * bot's last reply arrives; closed loops (people in flight) or a paced schedule (each conversation
 * posting every few seconds); and the bare server's round trip. Loopback only; every wait is bounded.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { Latencies, type Errors } from './load';
import { BARE_CHAT_CONVERSATION_ID, BARE_CHAT_PAGE } from './server';

/** Longest wait for one HTTP answer or for the bot's replies to one turn. */
const TURN_TIMEOUT_MS = 10_000;

/**
 * Free-text questions, as people type them (the two of the chat issue first). Each must be answered
 * by its FAQ entry: the first reply starts with `expect` and the bot sends 3 or 4 messages (the
 * answer, « Ces réponses peuvent aussi vous aider : » with buttons to related answers when there are
 * some, « Avez-vous une autre question ? », the current menu again with its buttons). Most are not phrasings written in
 * the base, so MiniSearch and the weighing run in full. `was`: how the same entry's answer began in the
 * content of 23 November (BENCH_NOV23 measures that code beside this one), where it was worded otherwise.
 */
export const QUESTIONS: ReadonlyArray<{ text: string; expect: string; was?: string }> = [
  { text: 'c’est quoi l’AAH ?', expect: 'L\'AAH est' },
  { text: 'comment faire une demande de RQTH', expect: 'La RQTH est' },
  { text: 'comment faire un recour contre une decision mdph', expect: 'Vous pouvez contester' },
  { text: "jai le droit a l'aah si mon mari travaille ?", expect: 'L\'AAH est' },
  { text: "c'est quoi un plan d'accompagnement global", expect: 'Le PAG est' },
  { text: "comment on fait pour toucher l'aah quand on a 20 ans", expect: 'L\'AAH est' },
  { text: 'combien de jours de conge proche aidant', expect: 'Pour votre enfant gravement malade', was: 'Le congé de proche aidant' },
  { text: 'comment avoir la carte pour me garer sur les places handicapé ?', expect: 'C\'est la carte mobilité inclusion' },
  { text: "qui paie le taxi de mon enfant pour l'école ?", expect: 'Si votre enfant ne peut pas' },
  { text: "c'est quoi la rqth et est ce que c'est obligatoire de le dire a mon employeur", expect: 'La RQTH est' },
  { text: 'comment marche le 0 800 360 360', expect: 'Le 0 800 360 360 est' },
  { text: 'combien de temps pour avoir une réponse de la mdph ?', expect: 'La MDPH (maison départementale des personnes handicapées) doit', was: 'La MDPH doit' },
];
const FAQ_REPLIES = 3;
const WELCOME_REPLIES = 2;
const BUTTON_REPLIES = 1;

/** A menu's buttons (not the related answers' « faq:… » ones). */
const hasMenuButtons = (activity: Activity | undefined): boolean => activity?.suggestedActions?.actions.some((a) => !a.value?.choice?.startsWith('faq:')) ?? false;
/**
 * The bot's last reply to a question: the menu asked again. Counting replies is not enough: a
 * related answers' message makes a fourth one, and when the replies come one frame each (the old
 * HTTP path) the next button would be looked for before the menu arrived.
 */
const faqComplete = (replies: readonly Activity[]): boolean => replies.length >= FAQ_REPLIES && hasMenuButtons(replies[replies.length - 1]);

export type Kind = 'button' | 'faq' | 'open';

// ---- HTTP and WebSocket, as Web Chat (botframework-directlinejs) uses them -----------------------

export interface Target {
  port: number;
  agent: http.Agent;
}

/**
 * Keep-alive, as a browser. Idle sockets are dropped after 4 s, before the server's 5 s keep-alive
 * timeout: otherwise a request may go out on a socket the server is closing (« socket hang up »).
 */
export function target(port: number, maxSockets: number): Target {
  return { port, agent: new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo', timeout: 4000 }) };
}

class BenchError extends Error {}

function request(
  t: Target,
  method: 'GET' | 'POST',
  urlPath: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: t.port,
        method,
        path: urlPath,
        agent: t.agent,
        headers: { accept: 'application/json', ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : method === 'POST' ? { 'content-length': 0 } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(TURN_TIMEOUT_MS, () => req.destroy(new BenchError(`no answer within ${TURN_TIMEOUT_MS / 1000} s from ${method} ${urlPath.replace(/\?.*$/, '')}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

interface Activity {
  id: string;
  type: string;
  text?: string;
  replyToId?: string;
  from: { id: string; role?: string };
  suggestedActions?: { actions: Array<{ title: string; value?: { choice?: string } }> };
}

let userCounter = 0;
/** The welcome answers the conversationUpdate, which botbuilder does not reply to by id on Direct Line. */
const WELCOME = '';

/**
 * One person in Web Chat: a conversation, its WebSocket, and the bot's replies by the activity they
 * answer (replyToId). Its address (X-Forwarded-For, as the reverse proxy in front of the service
 * sets it) is its own, as each person's is: /chat/token allows 30 conversations a minute per address.
 */
class ChatUser {
  private readonly address: string;
  private token = '';
  private userId = '';
  conversationId = '';
  private ws: WebSocket | null = null;
  /** The bot's activities by the id of the user's activity they reply to (WELCOME: no replyToId). */
  private readonly replies = new Map<string, Activity[]>();
  private waiting: { replyToId: string; complete(replies: readonly Activity[]): boolean; done(): void; fail(error: Error): void } | null = null;
  /** The buttons of the bot's last message that had any. */
  private buttons: Array<{ title: string; choice: string }> = [];
  private clientActivities = 0;

  constructor(private readonly t: Target) {
    const n = ++userCounter;
    this.address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'x-forwarded-for': this.address };
  }

  /** Token, conversation, WebSocket, welcome: what Web Chat does when the page opens. */
  async open(): Promise<void> {
    const issued = await request(this.t, 'POST', '/chat/token', { 'x-forwarded-for': this.address });
    if (issued.status !== 200) throw new BenchError(`POST /chat/token answered ${issued.status}: ${issued.body.slice(0, 200)}`);
    const session = JSON.parse(issued.body) as { token: string; conversationId: string };
    this.token = session.token;
    this.userId = (JSON.parse(Buffer.from(session.token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { user: string }).user;
    // DirectLineJS starts the conversation without a body.
    const started = await request(this.t, 'POST', '/v3/directline/conversations', this.headers());
    if (started.status !== 201) throw new BenchError(`POST /v3/directline/conversations answered ${started.status}: ${started.body.slice(0, 200)}`);
    const conversation = JSON.parse(started.body) as { conversationId: string; token: string; streamUrl: string };
    this.conversationId = conversation.conversationId;
    this.token = conversation.token;
    await this.connect(conversation.streamUrl);
    const welcome = await this.waitForReplies(WELCOME, (replies) => replies.length >= WELCOME_REPLIES);
    if (!welcome.some((a) => a.text?.includes('Vous écrivez pour qui ?'))) throw new BenchError(`unexpected welcome: ${JSON.stringify(welcome.map((a) => a.text)).slice(0, 300)}`);
  }

  private connect(streamUrl: string): Promise<void> {
    const url = new URL(streamUrl);
    if (url.hostname !== '127.0.0.1' || url.protocol !== 'ws:') throw new BenchError(`unexpected streamUrl ${url.origin}`);
    const ws = new WebSocket(url, { headers: { 'x-forwarded-for': this.address }, perMessageDeflate: false, handshakeTimeout: TURN_TIMEOUT_MS });
    this.ws = ws;
    ws.on('message', (data: WebSocket.RawData) => this.receive(data.toString()));
    ws.on('close', () => this.waiting?.fail(new BenchError('the WebSocket closed while waiting for the bot')));
    return new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.on('error', (error) => {
        const failure = new BenchError(`WebSocket: ${error.message}`);
        reject(failure);
        this.waiting?.fail(failure);
      });
    });
  }

  private receive(text: string): void {
    if (text === '') return; // keep-alive
    const message = JSON.parse(text) as { activities: Activity[] };
    for (const activity of message.activities) {
      if (activity.from.role !== 'bot') continue;
      const key = activity.replyToId ?? WELCOME;
      const list = this.replies.get(key) ?? [];
      list.push(activity);
      this.replies.set(key, list);
      if (activity.suggestedActions) this.buttons = activity.suggestedActions.actions.map((a) => ({ title: a.title, choice: a.value?.choice ?? '' }));
    }
    const waiting = this.waiting;
    if (waiting && waiting.complete(this.replies.get(waiting.replyToId) ?? [])) waiting.done();
  }

  private waitForReplies(replyToId: string, complete: (replies: readonly Activity[]) => boolean): Promise<Activity[]> {
    if (complete(this.replies.get(replyToId) ?? [])) return Promise.resolve(this.replies.get(replyToId) ?? []);
    return new Promise<Activity[]>((resolve, reject) => {
      const timer = setTimeout(() => fail(new BenchError(`the bot's replies did not all arrive within ${TURN_TIMEOUT_MS / 1000} s (got ${this.replies.get(replyToId)?.length ?? 0})`)), TURN_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.waiting = null;
        reject(error);
      };
      this.waiting = {
        replyToId,
        complete,
        done: () => {
          clearTimeout(timer);
          this.waiting = null;
          resolve(this.replies.get(replyToId) ?? []);
        },
        fail,
      };
    });
  }

  /** What Web Chat 4.18 posts for every outgoing activity. */
  private outgoing(fields: Record<string, unknown>): string {
    const at = new Date();
    return JSON.stringify({
      ...fields,
      channelData: { ...((fields.channelData as object) ?? {}), clientActivityID: `${at.getTime()}${(++this.clientActivities).toString(36).padStart(10, '0')}`, clientTimestamp: at.toISOString() },
      entities: [{ requiresBotState: true, supportsListening: true, supportsTts: true, type: 'ClientCapabilities' }],
      from: { id: this.userId, name: '', role: 'user' },
      locale: 'fr-FR',
      localTimestamp: '2026-11-23T10:00:00+01:00',
      localTimezone: 'Europe/Paris',
      timestamp: at.toISOString(),
      textFormat: 'plain',
    });
  }

  private async post(body: string, complete: (replies: readonly Activity[]) => boolean): Promise<Activity[]> {
    const posted = await request(this.t, 'POST', `/v3/directline/conversations/${this.conversationId}/activities`, this.headers(), body);
    if (posted.status !== 200) throw new BenchError(`POST …/activities answered ${posted.status}: ${posted.body.slice(0, 200)}`);
    const { id } = JSON.parse(posted.body) as { id: string };
    return this.waitForReplies(id, complete);
  }

  /** Presses the button the bot offered with this choice (messageBack, as Web Chat sends it). */
  async press(choice: string, expect: string): Promise<void> {
    const button = this.buttons.find((b) => b.choice === choice);
    if (!button) throw new BenchError(`no button ${choice} among ${JSON.stringify(this.buttons.map((b) => b.choice))}`);
    const body = this.outgoing({ type: 'message', text: button.title, value: { choice }, channelData: { messageBack: { displayText: button.title } } });
    const replies = await this.post(body, (got) => got.length >= BUTTON_REPLIES);
    if (!replies[0]?.text?.includes(expect)) throw new BenchError(`after button ${choice}: expected « ${expect} », got ${JSON.stringify(replies[0]?.text).slice(0, 200)}`);
  }

  async ask(question: (typeof QUESTIONS)[number]): Promise<void> {
    const replies = await this.post(this.outgoing({ type: 'message', text: question.text }), faqComplete);
    const first = replies[0]?.text ?? '';
    if (!first.startsWith(question.expect) && !(question.was !== undefined && first.startsWith(question.was))) throw new BenchError(`« ${question.text} »: expected « ${question.expect}… », got ${JSON.stringify(replies[0]?.text).slice(0, 200)}`);
  }

  close(): void {
    this.waiting?.fail(new BenchError('closed'));
    this.ws?.close(1000);
    this.ws = null;
  }
}

// ---- the load ------------------------------------------------------------------------------------

export interface Stats {
  latencies: Record<Kind, Latencies>;
  errors: Errors;
}

function newStats(): Stats {
  return { latencies: { button: new Latencies(), faq: new Latencies(), open: new Latencies() }, errors: { count: 0, first: [] } };
}

function recordError(errors: Errors, message: string): void {
  errors.count++;
  if (errors.first.length < 5) errors.first.push(message);
}

let questionCounter = 0;

/**
 * One conversation: open, profile, question, need group, question, need; stops early at the deadline.
 * With `paceMs`, each message is posted `paceMs` after the previous one was (the first: at once).
 */
async function conversation(t: Target, stats: Stats, index: number, deadline: number, paceMs = 0): Promise<void> {
  const user = new ChatUser(t);
  const profile = String(1 + (index % 2));
  const group = String(1 + (index % 4));
  const steps: Array<[Kind, () => Promise<void>]> = [
    ['button', () => user.press(profile, 'De quoi avez-vous besoin ?')],
    ['faq', () => user.ask(QUESTIONS[questionCounter++ % QUESTIONS.length]!)],
    ['button', () => user.press(group, 'Précisez votre besoin.')],
    ['faq', () => user.ask(QUESTIONS[questionCounter++ % QUESTIONS.length]!)],
    ['button', () => user.press('1', 'code postal')],
  ];
  let kind: Kind = 'open';
  let started = performance.now();
  try {
    await user.open();
    stats.latencies.open.add(performance.now() - started);
    let due = performance.now();
    for (const [stepKind, step] of steps) {
      if (paceMs > 0) await sleep(due - performance.now());
      if (performance.now() >= deadline) break;
      kind = stepKind;
      started = performance.now();
      due = started + paceMs;
      await step();
      stats.latencies[kind].add(performance.now() - started);
    }
  } catch (error) {
    recordError(stats.errors, `${kind}: ${(error as Error).message}`);
  } finally {
    user.close();
  }
}

/** Closed loop: `concurrency` people in flight, each starting a new conversation when theirs ends. */
export async function appLoop(t: Target, concurrency: number, durationMs: number): Promise<{ stats: Stats; seconds: number }> {
  const stats = newStats();
  const started = performance.now();
  const deadline = started + durationMs;
  let conversations = 0;
  async function person(): Promise<void> {
    while (performance.now() < deadline) await conversation(t, stats, conversations++, deadline);
  }
  await Promise.all(Array.from({ length: concurrency }, () => person()));
  return { stats, seconds: (performance.now() - started) / 1000 };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Open conversations at a human pace: `conversations` people, starts spread over one period, each
 * posting a message every `paceMs` (a new conversation when theirs is over), until `durationMs`.
 */
export async function pacedLoad(t: Target, conversations: number, paceMs: number, durationMs: number): Promise<{ stats: Stats; seconds: number }> {
  const stats = newStats();
  const started = performance.now();
  const deadline = started + durationMs;
  let count = 0;
  async function person(index: number): Promise<void> {
    await sleep((index * paceMs) / conversations);
    while (performance.now() < deadline) await conversation(t, stats, count++, deadline, paceMs);
  }
  await Promise.all(Array.from({ length: conversations }, (_, index) => person(index)));
  return { stats, seconds: (performance.now() - started) / 1000 };
}

/** The bare server: the same POST (a button press), then the GET of the activities after it. */
export async function bareLoop(t: Target, concurrency: number, durationMs: number): Promise<{ latencies: Latencies; errors: Errors; seconds: number }> {
  const latencies = new Latencies();
  const errors: Errors = { count: 0, first: [] };
  const headers = { authorization: `Bearer ${'x'.repeat(330)}`, 'x-forwarded-for': '10.0.0.1' };
  const body = JSON.stringify({
    type: 'message',
    text: 'Pour un proche que vous aidez',
    value: { choice: '2' },
    channelData: { messageBack: { displayText: 'Pour un proche que vous aidez' }, clientActivityID: '1795424400000000000000001', clientTimestamp: '2026-11-23T09:00:00.000Z' },
    entities: [{ requiresBotState: true, supportsListening: true, supportsTts: true, type: 'ClientCapabilities' }],
    from: { id: 'dl_BenchBareUser00000', name: '', role: 'user' },
    locale: 'fr-FR',
    localTimestamp: '2026-11-23T10:00:00+01:00',
    localTimezone: 'Europe/Paris',
    timestamp: '2026-11-23T09:00:00.000Z',
    textFormat: 'plain',
  });
  const base = `/v3/directline/conversations/${BARE_CHAT_CONVERSATION_ID}/activities`;
  const started = performance.now();
  const deadline = started + durationMs;
  async function person(): Promise<void> {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        const posted = await request(t, 'POST', base, headers, body);
        const page = await request(t, 'GET', `${base}?watermark=2`, headers);
        latencies.add(performance.now() - begin);
        if (posted.status !== 200 || page.status !== 200 || page.body !== BARE_CHAT_PAGE) recordError(errors, `bare answered ${posted.status} / ${page.status}`);
      } catch (error) {
        latencies.add(performance.now() - begin);
        recordError(errors, (error as Error).message);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => person()));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

// ---- CPU -----------------------------------------------------------------------------------------

// ---- the phases ----------------------------------------------------------------------------------

