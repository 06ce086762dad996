/**
 * CPU of the chat's own turn (ChatTurns.message), in one process, without HTTP, Redis or botbuilder:
 * the bench's conversations (welcome, a button, a FAQ question, a button, a question, a button) on the
 * in-memory store, with the repository's configuration. Prints µs of CPU per turn, per kind.
 *
 *   npx tsx scripts/chat-turn-cpu.ts [rounds]
 *   CHAT_BEFORE=<another checkout>: its turns too, in the same process (each conversation on both, in turns first), and the ratio.
 *   CHAT_CPU_PROF=<file.cpuprofile>: a CPU profile of the measured rounds (warm-up left out).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { QUESTIONS } from '../bench/chatLoad';
import type { ChatTurns } from '../src/chat/chatTurns';

const CONVERSATIONS = Number(process.env.CONVS ?? 300);

/** The chat's turns of the checkout at `root` (this one, or another to compare with in the same process). */
function turns(root: string): ChatTurns {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const from = (path: string) => require(join(root, path)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const { createChatRuntime, createChatTurns } = from('src/chat/createChat');
  const { createPlaces } = from('src/places/places');
  const { createMemoryStore } = from('src/storage/memory-store');
  const { createStoreKeys } = from('src/storage/keys');
  const { createTicketStore } = from('src/tickets/ticket-store');
  const { createWaitingRoom } = from('src/voice/waitingRoom');
  const { createCallMachine } = from('src/voice/callMachine');
  const { callMachineDeps } = from('test/support/callMachineDeps');
  const { repoConfig } = from('test/support/config');
  const config = repoConfig();
  const places = createPlaces();
  const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
  const store = createMemoryStore(clock);
  const keys = createStoreKeys('cpu');
  const runtime = createChatRuntime({
    version: 'cpu',
    config,
    machine: createCallMachine(callMachineDeps(config)),
    turnDeps: { flow: config.flow, departement: (code: string) => places.get(code) },
    departementsForPostcode: (postcode: string) => places.departementsForPostcode(postcode),
  });
  return createChatTurns({
    runtime: async () => runtime,
    store,
    keys,
    tickets: createTicketStore(store, { ttlDays: 90, clock, keys }),
    waitingRoom: createWaitingRoom(store, keys, 3600),
    clock,
    chatTtlSeconds: 3600,
    departementsForPostcode: (postcode: string) => places.departementsForPostcode(postcode),
  }) as ChatTurns;
}

type Kind = 'welcome' | 'button' | 'faq';

type Totals = Record<Kind, { us: number; n: number }>;

/** One conversation as the bench's: welcome, a button, a question, a button, a question, a button. */
async function conversation(chat: ChatTurns, id: string, i: number, next: () => string, totals: Totals): Promise<void> {
  const at = '2026-12-01T10:00:00.000Z';
  const timed = async (kind: Kind, run: () => Promise<unknown>): Promise<void> => {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    totals[kind].us += used.user + used.system;
    totals[kind].n += 1;
  };
  await timed('welcome', () => chat.welcome(id, at));
  await timed('button', () => chat.message({ conversationId: id, at, choice: String(1 + (i % 2)) }));
  await timed('faq', () => chat.message({ conversationId: id, at, text: next() }));
  await timed('button', () => chat.message({ conversationId: id, at, choice: String(1 + (i % 4)) }));
  await timed('faq', () => chat.message({ conversationId: id, at, text: next() }));
  await timed('button', () => chat.message({ conversationId: id, at, choice: '1' }));
}

/** CONVERSATIONS conversations on `chat`; with `old`, each also on `old`, one after the other, in turns first. */
async function round(chat: ChatTurns, offset: number, totals: Totals, old?: { chat: ChatTurns; totals: Totals }): Promise<void> {
  for (let i = 0; i < CONVERSATIONS; i++) {
    const id = `c${offset}-${i}`;
    const first = (offset * CONVERSATIONS + i) * 2;
    const questions = () => {
      let n = first;
      return () => QUESTIONS[n++ % QUESTIONS.length]!.text;
    };
    if (old && i % 2 === 1) await conversation(old.chat, id, i, questions(), old.totals);
    await conversation(chat, id, i, questions(), totals);
    if (old && i % 2 === 0) await conversation(old.chat, id, i, questions(), old.totals);
  }
}

const noTotals = (): Totals => ({ welcome: { us: 0, n: 0 }, button: { us: 0, n: 0 }, faq: { us: 0, n: 0 } });
const perTurn = (t: { us: number; n: number }): number => t.us / t.n;
const allOf = (totals: Totals) => Object.values(totals).reduce((a, b) => ({ us: a.us + b.us, n: a.n + b.n }), { us: 0, n: 0 });
const line = (totals: Totals): string =>
  `all ${perTurn(allOf(totals)).toFixed(0)}, welcome ${perTurn(totals.welcome).toFixed(0)}, button ${perTurn(totals.button).toFixed(0)}, faq ${perTurn(totals.faq).toFixed(0)}`;

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const before = process.env.CHAT_BEFORE;
  const chat = turns(join(__dirname, '..'));
  const old = before ? turns(before) : null;
  await round(chat, 0, noTotals()); // warm-up
  if (old) await round(old, 0, noTotals());
  const profile = process.env.CHAT_CPU_PROF;
  const session = profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const ratios: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    // Each conversation on both, in turns first: the machine's load falls on both alike.
    const now = noTotals();
    const then = noTotals();
    await round(chat, r, now, old ? { chat: old, totals: then } : undefined);
    console.log(`round ${r}: µs CPU per turn: ${line(now)}${old ? ` | before: ${line(then)} | ratio ${(perTurn(allOf(now)) / perTurn(allOf(then))).toFixed(3)}` : ''}`);
    if (old) ratios.push(perTurn(allOf(now)) / perTurn(allOf(then)));
  }
  if (ratios.length > 0) console.log(`median ratio now / before (all turns): ${ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!.toFixed(3)}`);
  if (session && profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile));
}

void main();
