/**
 * CPU of the chat's own turn (ChatTurns.message), in one process, without HTTP, Redis or botbuilder:
 * the bench's conversations (welcome, a button, a FAQ question, a button, a question, a button) on the
 * in-memory store, with the repository's configuration. Prints µs of CPU per turn, per kind.
 *
 *   npx tsx scripts/chat-turn-cpu.ts [rounds]     (run it from two checkouts, alternately, to compare)
 *   CHAT_CPU_PROF=<file.cpuprofile>: a CPU profile of the measured rounds (warm-up left out).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { QUESTIONS } from '../bench/chatLoad';
import { createChatRuntime, createChatTurns } from '../src/chat/createChat';
import type { ChatTurns } from '../src/chat/chatTurns';
import { createPlaces } from '../src/places/places';
import { createMemoryStore } from '../src/storage/memory-store';
import { createStoreKeys } from '../src/storage/keys';
import { createTicketStore } from '../src/tickets/ticket-store';
import { createWaitingRoom } from '../src/voice/waitingRoom';
import { createCallMachine } from '../src/voice/callMachine';
import { callMachineDeps } from '../test/support/callMachineDeps';
import { repoConfig } from '../test/support/config';

const CONVERSATIONS = Number(process.env.CONVS ?? 300);

function turns(): ChatTurns {
  const config = repoConfig();
  const places = createPlaces();
  const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
  const store = createMemoryStore(clock);
  const keys = createStoreKeys('cpu');
  const runtime = createChatRuntime({
    version: 'cpu',
    config,
    machine: createCallMachine(callMachineDeps(config)),
    turnDeps: { flow: config.flow, departement: (code) => places.get(code) },
    departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
  });
  return createChatTurns({
    runtime: async () => runtime,
    store,
    keys,
    tickets: createTicketStore(store, { ttlDays: 90, clock, keys }),
    waitingRoom: createWaitingRoom(store, keys, 3600),
    clock,
    chatTtlSeconds: 3600,
    departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
  });
}

type Kind = 'welcome' | 'button' | 'faq';

async function round(chat: ChatTurns, offset: number, totals: Record<Kind, { us: number; n: number }>): Promise<void> {
  let question = offset;
  const at = '2026-12-01T10:00:00.000Z';
  const timed = async (kind: Kind, run: () => Promise<unknown>): Promise<void> => {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    totals[kind].us += used.user + used.system;
    totals[kind].n += 1;
  };
  for (let i = 0; i < CONVERSATIONS; i++) {
    const id = `c${offset}-${i}`;
    const ask = (): Promise<unknown> => chat.message({ conversationId: id, at, text: QUESTIONS[question++ % QUESTIONS.length]!.text });
    await timed('welcome', () => chat.welcome(id, at));
    await timed('button', () => chat.message({ conversationId: id, at, choice: String(1 + (i % 2)) }));
    await timed('faq', ask);
    await timed('button', () => chat.message({ conversationId: id, at, choice: String(1 + (i % 4)) }));
    await timed('faq', ask);
    await timed('button', () => chat.message({ conversationId: id, at, choice: '1' }));
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const chat = turns();
  await round(chat, 0, { welcome: { us: 0, n: 0 }, button: { us: 0, n: 0 }, faq: { us: 0, n: 0 } }); // warm-up
  const profile = process.env.CHAT_CPU_PROF;
  const session = profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  for (let r = 1; r <= rounds; r++) {
    const totals: Record<Kind, { us: number; n: number }> = { welcome: { us: 0, n: 0 }, button: { us: 0, n: 0 }, faq: { us: 0, n: 0 } };
    await round(chat, r, totals);
    const all = Object.values(totals).reduce((a, b) => ({ us: a.us + b.us, n: a.n + b.n }), { us: 0, n: 0 });
    const per = (t: { us: number; n: number }): string => (t.us / t.n).toFixed(0);
    console.log(`round ${r}: µs CPU per turn: all ${per(all)}, welcome ${per(totals.welcome)}, button ${per(totals.button)}, faq ${per(totals.faq)}`);
  }
  if (session && profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile));
}

void main();
