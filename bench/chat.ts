/**
 * npm run bench:chat — bot turns through the self-hosted Direct Line, driven as Web Chat drives it,
 * against a baseline measured in the same run.
 *
 * Two servers, each in a child process pinned to one core of its own (the load generator runs on
 * the others): a bare node:http server answering Direct Line's two calls of a turn with fixed JSON
 * ({ id } to the POST, an activities page to the GET), and the real app as main.ts starts it,
 * Redis-backed, with a fixed clock and a key namespace of its own (deleted at the end).
 *
 * Each simulated Web Chat user opens a conversation (POST /chat/token, POST /v3/directline/conversations,
 * WebSocket on the streamUrl, the welcome read from it), then presses buttons through the orientation
 * (messageBack, value { choice }, titles read from the bot's suggested actions) and asks free-text FAQ
 * questions: profile, question, need group, question, need. A turn is timed from the POST of the
 * user's activity until the bot's last reply to it (replyToId) has arrived on the WebSocket (a button:
 * 1 message; a question: 3; the welcome: 2). Then the
 * user leaves and a new conversation starts (Direct Line allows 60 messages a minute per conversation).
 * Closed loop at 1, 16 and 64 conversations in flight, warm-up then a fixed duration each.
 *
 * The bare server's round trip (POST then GET, keep-alive) is what any Direct Line turn costs at
 * least over HTTP; the app's latencies are given as multiples of it.
 *
 * Environment: REDIS_URL (default redis://127.0.0.1:6379); BENCH_CPU_PROF=<dir> writes a CPU profile
 * of the app server; BENCH_QUICK=1 shortens every phase (a smoke run, figures not comparable).
 * Loopback only; every loop is bounded; the run stops by itself.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import WebSocket from 'ws';
import { Latencies, type Errors } from './load';
import { BARE_CHAT_CONVERSATION_ID, BARE_CHAT_PAGE } from './server';
import { cpuPlan, meter, startServer, type CpuShares, type RedisClient, type ServerChild } from './serverChild';

const QUICK = process.env.BENCH_QUICK === '1';
/** 1: a turn's own latency (nothing queues); 16 and 64: the server saturated, latencies include queueing. */
const CONCURRENCIES = [1, 16, 64] as const;
const WARMUP_MS = QUICK ? 1_000 : 3_000;
const MEASURE_MS = QUICK ? 2_000 : 10_000;
/** Longest wait for one HTTP answer or for the bot's replies to one turn. */
const TURN_TIMEOUT_MS = 10_000;
/** The whole run gives up after this (a hung server must not hang the bench). */
const RUN_LIMIT_MS = 10 * 60_000;

/**
 * The app's environment. Development mode: the bot in local mode (no Bot Framework identity), which is
 * what serves our own Direct Line; the secrets are the bench's own.
 */
const SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'development',
  PUBLIC_BASE_URL: 'https://orientation360.bench.example',
  TWILIO_AUTH_TOKEN: 'bench-twilio-auth-token-0123456789',
  LOG_HASH_KEY: 'bench-log-hash-key-0123456789',
  DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  LOG_LEVEL: 'info',
};

/**
 * Free-text questions, as people type them (the two of the chat issue first). Each must be answered
 * by its FAQ entry: the first reply starts with `expect` and the bot sends 3 messages (the answer,
 * « Avez-vous une autre question ? », the current menu again). Most are not phrasings written in
 * the base, so MiniSearch and the weighing run in full.
 */
const QUESTIONS: ReadonlyArray<{ text: string; expect: string }> = [
  { text: 'c’est quoi l’AAH ?', expect: 'L\'AAH est' },
  { text: 'comment faire une demande de RQTH', expect: 'La RQTH est' },
  { text: 'comment faire un recour contre une decision mdph', expect: 'Vous pouvez contester' },
  { text: "jai le droit a l'aah si mon mari travaille ?", expect: 'L\'AAH est' },
  { text: "c'est quoi un plan d'accompagnement global", expect: 'Le PAG est' },
  { text: "comment on fait pour toucher l'aah quand on a 20 ans", expect: 'L\'AAH est' },
  { text: 'combien de jours de conge proche aidant', expect: 'Le congé de proche aidant' },
  { text: 'comment avoir la carte pour me garer sur les places handicapé ?', expect: 'C\'est la carte mobilité inclusion' },
  { text: "qui paie le taxi de mon enfant pour l'école ?", expect: 'Si votre enfant ne peut pas' },
  { text: "c'est quoi la rqth et est ce que c'est obligatoire de le dire a mon employeur", expect: 'La RQTH est' },
  { text: 'comment marche le 0 800 360 360', expect: 'Le 0 800 360 360 est' },
  { text: 'combien de temps pour avoir une réponse de la mdph ?', expect: 'La MDPH doit' },
];
const FAQ_REPLIES = 3;
const WELCOME_REPLIES = 2;
const BUTTON_REPLIES = 1;

type Kind = 'button' | 'faq' | 'open';

// ---- the server child processes ------------------------------------------------------------------

// ---- HTTP and WebSocket, as Web Chat (botframework-directlinejs) uses them -----------------------

interface Target {
  port: number;
  agent: http.Agent;
}

/**
 * Keep-alive, as a browser. Idle sockets are dropped after 4 s, before the server's 5 s keep-alive
 * timeout: otherwise a request may go out on a socket the server is closing (« socket hang up »).
 */
function target(port: number, maxSockets: number): Target {
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
  private waiting: { replyToId: string; count: number; done(): void; fail(error: Error): void } | null = null;
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
    const welcome = await this.waitForReplies(WELCOME, WELCOME_REPLIES);
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
    if (waiting && (this.replies.get(waiting.replyToId)?.length ?? 0) >= waiting.count) waiting.done();
  }

  private waitForReplies(replyToId: string, count: number): Promise<Activity[]> {
    const ready = () => (this.replies.get(replyToId)?.length ?? 0) >= count;
    if (ready()) return Promise.resolve(this.replies.get(replyToId) ?? []);
    return new Promise<Activity[]>((resolve, reject) => {
      const timer = setTimeout(() => fail(new BenchError(`the bot's ${count} replies did not arrive within ${TURN_TIMEOUT_MS / 1000} s (got ${this.replies.get(replyToId)?.length ?? 0})`)), TURN_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.waiting = null;
        reject(error);
      };
      this.waiting = {
        replyToId,
        count,
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

  private async post(body: string, replies: number): Promise<Activity[]> {
    const posted = await request(this.t, 'POST', `/v3/directline/conversations/${this.conversationId}/activities`, this.headers(), body);
    if (posted.status !== 200) throw new BenchError(`POST …/activities answered ${posted.status}: ${posted.body.slice(0, 200)}`);
    const { id } = JSON.parse(posted.body) as { id: string };
    return this.waitForReplies(id, replies);
  }

  /** Presses the button the bot offered with this choice (messageBack, as Web Chat sends it). */
  async press(choice: string, expect: string): Promise<void> {
    const button = this.buttons.find((b) => b.choice === choice);
    if (!button) throw new BenchError(`no button ${choice} among ${JSON.stringify(this.buttons.map((b) => b.choice))}`);
    const body = this.outgoing({ type: 'message', text: button.title, value: { choice }, channelData: { messageBack: { displayText: button.title } } });
    const replies = await this.post(body, BUTTON_REPLIES);
    if (!replies[0]?.text?.includes(expect)) throw new BenchError(`after button ${choice}: expected « ${expect} », got ${JSON.stringify(replies[0]?.text).slice(0, 200)}`);
  }

  async ask(question: { text: string; expect: string }): Promise<void> {
    const replies = await this.post(this.outgoing({ type: 'message', text: question.text }), FAQ_REPLIES);
    if (!replies[0]?.text?.startsWith(question.expect)) throw new BenchError(`« ${question.text} »: expected « ${question.expect}… », got ${JSON.stringify(replies[0]?.text).slice(0, 200)}`);
  }

  close(): void {
    this.waiting?.fail(new BenchError('closed'));
    this.ws?.close(1000);
    this.ws = null;
  }
}

// ---- the load ------------------------------------------------------------------------------------

interface Stats {
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

/** One conversation: open, profile, question, need group, question, need; stops early at the deadline. */
async function conversation(t: Target, stats: Stats, index: number, deadline: number): Promise<void> {
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
    for (const [stepKind, step] of steps) {
      if (performance.now() >= deadline) break;
      kind = stepKind;
      started = performance.now();
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
async function appLoop(t: Target, concurrency: number, durationMs: number): Promise<{ stats: Stats; seconds: number }> {
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

/** The bare server: the same POST (a button press), then the GET of the activities after it. */
async function bareLoop(t: Target, concurrency: number, durationMs: number): Promise<{ latencies: Latencies; errors: Errors; seconds: number }> {
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

interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

interface BareMeasured {
  roundTripsPerSecond: number;
  latency: Summary;
  cpuMicrosPerRoundTrip: number;
  cpu: CpuShares;
  errors: Errors;
}

interface AppMeasured {
  /** Button presses and FAQ questions answered per second (the welcome of each conversation aside). */
  turnsPerSecond: number;
  conversationsPerSecond: number;
  seconds: number;
  byKind: Record<Kind, Summary>;
  /** Server CPU per user turn, openings included (amortised). */
  cpuMicrosPerTurn: number;
  cpu: CpuShares;
  errors: Errors;
  /** Errors of the warm-up, not in the figures but shown. */
  warmUpErrors: number;
}

async function measureBare(server: ServerChild, t: Target, concurrency: number, redis: RedisClient | null): Promise<BareMeasured> {
  await bareLoop(t, concurrency, WARMUP_MS);
  const done = await meter(server, redis);
  const run = await bareLoop(t, concurrency, MEASURE_MS);
  const cpu = await done();
  const count = run.latencies.count;
  return { roundTripsPerSecond: count / run.seconds, latency: run.latencies.summary(), cpuMicrosPerRoundTrip: (cpu.serverSeconds * 1e6) / count, cpu, errors: run.errors };
}

async function measureApp(server: ServerChild, t: Target, concurrency: number, redis: RedisClient | null): Promise<AppMeasured> {
  const warmUp = await appLoop(t, concurrency, WARMUP_MS);
  const done = await meter(server, redis);
  const run = await appLoop(t, concurrency, MEASURE_MS);
  const cpu = await done();
  const { latencies } = run.stats;
  const turns = latencies.button.count + latencies.faq.count;
  return {
    turnsPerSecond: turns / run.seconds,
    conversationsPerSecond: latencies.open.count / run.seconds,
    seconds: run.seconds,
    byKind: { button: latencies.button.summary(), faq: latencies.faq.summary(), open: latencies.open.summary() },
    cpuMicrosPerTurn: (cpu.serverSeconds * 1e6) / turns,
    cpu,
    errors: run.stats.errors,
    warmUpErrors: warmUp.stats.errors.count,
  };
}

// ---- the report ----------------------------------------------------------------------------------

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const pad = (text: string, width: number) => text.padStart(width);
const times = (value: number) => (Number.isFinite(value) ? `×${value.toFixed(1)}` : 'n/a');
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
const percent = (fraction: number) => (Number.isFinite(fraction) ? `${(fraction * 100).toFixed(0)} %` : 'n/a');

function cpuLine(label: string, cpu: CpuShares): string {
  return `    ${label.padEnd(5)} CPUs busy: server ${cpu.server.toFixed(2)}, load generator ${cpu.client.toFixed(2)}, Redis ${Number.isFinite(cpu.redis) ? cpu.redis.toFixed(2) : 'n/a'}, other processes ${Number.isFinite(cpu.others) ? cpu.others.toFixed(2) : 'n/a'}`;
}

function report(concurrency: number, bare: BareMeasured, app: AppMeasured): void {
  console.log('');
  console.log(`(${concurrency}) ${concurrency} conversations in flight, ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s measured`);
  console.log(`    ${'server'.padEnd(7)}${'what is timed'.padEnd(36)}${pad('count', 7)}${pad('per s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('p50/bare', 10)}${pad('p99/bare', 10)}`);
  const row = (server: string, what: string, s: Summary, perSecond: number, vsBare: boolean) =>
    console.log(
      `    ${server.padEnd(7)}${what.padEnd(36)}${pad(String(s.count), 7)}${pad(Number.isFinite(perSecond) ? perSecond.toFixed(0) : '', 8)}${pad(ms(s.p50), 9)}${pad(ms(s.p99), 9)}${pad(ms(s.max), 9)}${pad(vsBare ? times(s.p50 / bare.latency.p50) : '', 10)}${pad(vsBare ? times(s.p99 / bare.latency.p99) : '', 10)}`,
    );
  row('bare', 'round trip (POST { id }, GET page)', bare.latency, bare.roundTripsPerSecond, false);
  row('app', 'button turn (messageBack → reply)', app.byKind.button, app.byKind.button.count / app.seconds, true);
  row('app', 'FAQ turn (question → 3 replies)', app.byKind.faq, app.byKind.faq.count / app.seconds, true);
  row('app', 'open (token, start, WS, welcome)', app.byKind.open, app.conversationsPerSecond, true);
  console.log(
    `    app bot turns: ${app.turnsPerSecond.toFixed(0)}/s (buttons and FAQ questions; plus ${app.conversationsPerSecond.toFixed(0)} conversations opened/s with their welcome); errors: bare ${bare.errors.count}, app ${app.errors.count}${app.warmUpErrors > 0 ? ` (+${app.warmUpErrors} during the warm-up)` : ''}`,
  );
  console.log(
    `    server CPU: bare ${percent(bare.cpu.server)} busy, ${bare.cpuMicrosPerRoundTrip.toFixed(0)} µs per round trip; app ${percent(app.cpu.server)} busy, ${app.cpuMicrosPerTurn.toFixed(0)} µs per bot turn (openings amortised)`,
  );
  console.log(cpuLine('bare', bare.cpu));
  console.log(cpuLine('app', app.cpu));
  const measured = app.turnsPerSecond / bare.roundTripsPerSecond;
  const perCore = bare.cpuMicrosPerRoundTrip / app.cpuMicrosPerTurn;
  console.log(`    app / bare: bot turns per s ÷ round trips per s ${ratio(measured)} measured, ${ratio(perCore)} per server core (inverse CPU per turn)`);
  if (bare.cpu.server < 0.9) {
    console.log(`    note: the bare server was only ${percent(bare.cpu.server)} busy (the load generator is the limit): on one full core it would do ~${(1e6 / bare.cpuMicrosPerRoundTrip).toFixed(0)} round trips/s, so the per-core ratio is the one to trust`);
  }
  for (const error of bare.errors.first) console.log(`    bare error: ${error}`);
  for (const error of app.errors.first) console.log(`    app error: ${error}`);
}

function summary(bare: BareMeasured[], app: AppMeasured[]): void {
  console.log('');
  console.log('Summary: bot turns through Direct Line (post → last reply on the WebSocket), app / bare round trip (POST + GET)');
  console.log(`    ${'in flight'.padEnd(10)}${pad('bot turns/s', 12)}${pad('÷ bare', 8)}${pad('per core', 9)}${pad('button p50', 12)}${pad('p99', 8)}${pad('FAQ p50', 10)}${pad('p99', 8)}${pad('bare p50', 10)}${pad('p99', 8)}   (ms)`);
  CONCURRENCIES.forEach((concurrency, index) => {
    const b = bare[index]!;
    const a = app[index]!;
    console.log(
      `    ${String(concurrency).padEnd(10)}${pad(a.turnsPerSecond.toFixed(0), 12)}${pad(ratio(a.turnsPerSecond / b.roundTripsPerSecond), 8)}${pad(ratio(b.cpuMicrosPerRoundTrip / a.cpuMicrosPerTurn), 9)}` +
        `${pad(ms(a.byKind.button.p50), 12)}${pad(ms(a.byKind.button.p99), 8)}${pad(ms(a.byKind.faq.p50), 10)}${pad(ms(a.byKind.faq.p99), 8)}${pad(ms(b.latency.p50), 10)}${pad(ms(b.latency.p99), 8)}`,
    );
  });
}

async function main(): Promise<void> {
  const giveUp = setTimeout(() => {
    console.error(`chat benchmark: still running after ${RUN_LIMIT_MS / 60_000} min, giving up`);
    process.exit(3);
  }, RUN_LIMIT_MS);
  giveUp.unref();
  const { serverCpu, clientCpus } = cpuPlan();
  const cpus = os.availableParallelism();
  if (clientCpus !== null) execFileSync('taskset', ['-a', '-p', '-c', clientCpus, String(process.pid)], { stdio: 'ignore' });
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  console.log(`chat benchmark — Node ${process.version}, ${cpus} CPUs (${os.cpus()[0]?.model ?? 'unknown'}); ${serverCpu === null ? 'no CPU pinning' : `server child pinned to CPU ${serverCpu}, load generator to CPU ${clientCpus}`}${QUICK ? ' — QUICK smoke run, figures not comparable' : ''}`);
  console.log(`app: the real service in a child process (NODE_ENV=development: the bot in local mode, LOG_LEVEL=info), Redis store and pub/sub at ${redisUrl}, fixed clock 2026-11-23T09:00Z`);
  console.log('    each simulated Web Chat user: POST /chat/token, POST /v3/directline/conversations, WebSocket on the streamUrl, welcome;');
  console.log(`    then profile button, FAQ question, need-group button, FAQ question, need button (${QUESTIONS.length} questions in turn), each posted to …/activities`);
  console.log('    and timed until the bot\'s last reply to it (replyToId) arrives on the WebSocket; then a new conversation');
  console.log(`bare: a node:http child answering { id } to the POST and a fixed ${BARE_CHAT_PAGE.length}-byte activities page to the GET; its round trip = POST + GET, keep-alive`);

  let redis: RedisClient | null = createClient({ url: redisUrl });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch {
    redis = null;
  }

  const bare = await startServer('chat-bare', serverCpu, SERVER_ENV);
  const bareResults: BareMeasured[] = [];
  for (const concurrency of CONCURRENCIES) {
    const t = target(bare.port, concurrency);
    bareResults.push(await measureBare(bare, t, concurrency, redis));
    t.agent.destroy();
  }
  await bare.stop();

  const app = await startServer('app', serverCpu, SERVER_ENV);
  const appResults: AppMeasured[] = [];
  for (const concurrency of CONCURRENCIES) {
    const t = target(app.port, concurrency * 2);
    appResults.push(await measureApp(app, t, concurrency, redis));
    t.agent.destroy();
  }
  const deleted = await app.stop();
  await redis?.close();

  CONCURRENCIES.forEach((concurrency, index) => report(concurrency, bareResults[index]!, appResults[index]!));
  summary(bareResults, appResults);
  console.log('');
  console.log(`app log: ${app.logLines.total} lines, ${app.logLines.problems.length === 0 ? 'no warning or error' : 'warnings/errors:'}`);
  for (const line of app.logLines.problems) console.log(`    ${line}`);
  console.log(`Redis: ${deleted} keys of the bench namespace deleted`);
  const noisy = [...bareResults, ...appResults].some((m) => m.cpu.others > 0.25);
  if (noisy) console.log('warning: other processes used more than a quarter of a CPU during a phase: figures are noisy, run again on a quiet machine');
  const errors = [...bareResults, ...appResults].reduce((sum, m) => sum + m.errors.count, 0);
  if (errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
