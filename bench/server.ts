/**
 * The server side of the voice benchmark, run as a child process (pinned to one core by the parent):
 *   node dist/bench/server.js app   the real service, started by main.ts's startService (Redis
 *                                   store and bus, JSON logger) with a fixed clock and a key
 *                                   namespace of its own, deleted on stop;
 *   node dist/bench/server.js app-http  the same, our own chat channel reaching the bot over HTTP
 *                                   (/api/messages and the connector: the path before issue 13);
 *   node dist/bench/server.js bare  a bare node:http server answering one fixed TwiML document;
 *   node dist/bench/server.js chat-bare  a bare node:http server answering Direct Line's two calls
 *                                   of a turn: { id } to a POST, a fixed activities page to a GET.
 * Talks to the parent over IPC: sends {type:'ready', port, namespace} (the app's key namespace); answers {type:'cpu'} with its CPU time;
 * on {type:'stop'} closes, cleans up and exits (so that --cpu-prof writes its profile).
 */
import { randomBytes } from 'node:crypto';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { loadEnv } from '../src/config/env';
import type { Clock } from '../src/domain/ports';
import { createLogger } from '../src/logging';
import { startService } from '../src/main';
import { createStoreKeys } from '../src/storage/keys';

export type ServerMessage = { type: 'ready'; port: number; namespace: string | null } | { type: 'cpu'; id: number; userMicros: number; systemMicros: number } | { type: 'stopped'; deletedKeys: number };
export type ParentMessage = { type: 'cpu'; id: number } | { type: 'stop' };

/** What the bare server answers to every request: a menu of the size the app answers. */
export const BARE_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf speech" language="fr-FR" action="https://orientation360.bench.example/voice/step" method="POST" numDigits="1" timeout="6" speechTimeout="auto" hints="moi, pour moi, je suis concerné, ma situation, mon enfant, mon fils, ma fille, un proche, professionnel, travailleur social, éducateur, médecin"><Say voice="Polly.Lea" language="fr-FR">Bonjour, vous êtes bien au numéro national d’orientation des personnes en situation de handicap et de leurs proches. À tout moment, appuyez sur 0 ou dites « conseiller » pour parler à quelqu’un. Vous appelez pour qui ? Pour vous-même, appuyez sur 1. Pour un proche que vous aidez, appuyez sur 2. Si vous êtes un professionnel, appuyez sur 3. Vous pouvez aussi le dire avec vos mots.</Say></Gather><Redirect method="POST">https://orientation360.bench.example/voice/step?noInput=1</Redirect></Response>';

/** The conversation of the bare chat server's answers (any path is answered). */
export const BARE_CHAT_CONVERSATION_ID = 'BenchBareConversation000';
const BARE_USER = { id: 'dl_BenchBareUser00000', role: 'user' };
const BARE_BOT = { id: 'orientation-360', name: 'Orientation 360', role: 'bot' };
const BARE_CHOICES = [
  "La vie à la maison, le logement ou l'argent",
  "La santé, l'accompagnement ou le soutien des aidants",
  "L'école, la garde d'enfant ou le travail",
  'Les démarches, les loisirs ou les vacances',
  "Vous n'avez plus de solution",
];

/**
 * What the bare chat server answers to every GET: the page the app answers after a button press
 * (the person's messageBack, then the bot's next question with its buttons).
 */
export const BARE_CHAT_PAGE = JSON.stringify({
  activities: [
    {
      type: 'message',
      text: 'Pour un proche que vous aidez',
      textFormat: 'plain',
      value: { choice: '2' },
      locale: 'fr-FR',
      localTimestamp: '2026-11-23T10:00:00.000+01:00',
      localTimezone: 'Europe/Paris',
      channelData: { clientActivityID: '1795424400000abcdefghij', clientTimestamp: '2026-11-23T09:00:00.000Z', messageBack: { displayText: 'Pour un proche que vous aidez' } },
      timestamp: '2026-11-23T09:00:00.000Z',
      channelId: 'directline',
      conversation: { id: BARE_CHAT_CONVERSATION_ID },
      from: BARE_USER,
      recipient: BARE_BOT,
      id: `${BARE_CHAT_CONVERSATION_ID}|0000002`,
    },
    {
      type: 'message',
      text: 'De quoi avez-vous besoin ?',
      inputHint: 'expectingInput',
      suggestedActions: {
        actions: [...BARE_CHOICES, 'Parler à un conseiller'].map((title, index) => ({
          type: 'messageBack',
          title,
          text: title,
          displayText: title,
          value: { choice: String(index === BARE_CHOICES.length ? 0 : index + 1) },
        })),
      },
      locale: 'fr-FR',
      textFormat: 'plain',
      replyToId: `${BARE_CHAT_CONVERSATION_ID}|0000002`,
      timestamp: '2026-11-23T09:00:00.000Z',
      channelId: 'directline',
      conversation: { id: BARE_CHAT_CONVERSATION_ID },
      from: BARE_BOT,
      recipient: BARE_USER,
      id: `${BARE_CHAT_CONVERSATION_ID}|0000003`,
    },
  ],
  watermark: '4',
});

/** What the bare chat server answers to every POST. */
export const BARE_CHAT_POSTED = JSON.stringify({ id: `${BARE_CHAT_CONVERSATION_ID}|0000002` });

interface Running {
  server: Server;
  namespace?: string;
  stop(): Promise<number>;
}

function send(message: ServerMessage): void {
  process.send?.(message);
}

async function startBare(): Promise<Running> {
  const body = Buffer.from(BARE_TWIML, 'utf8');
  const server = http.createServer((req, res) => {
    // Read the form body as any real server must, then answer the fixed document.
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { server, stop: () => new Promise<number>((resolve) => server.close(() => resolve(0))) };
}

async function startChatBare(): Promise<Running> {
  const page = Buffer.from(BARE_CHAT_PAGE, 'utf8');
  const posted = Buffer.from(BARE_CHAT_POSTED, 'utf8');
  const server = http.createServer((req, res) => {
    // Read the JSON body as any real server must, then answer the fixed document.
    req.on('data', () => undefined);
    req.on('end', () => {
      const body = req.method === 'POST' ? posted : page;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { server, stop: () => new Promise<number>((resolve) => server.close(() => resolve(0))) };
}

async function startApp(chatBotHop: 'in-process' | 'http'): Promise<Running> {
  const env = loadEnv();
  if (!env.redisUrl) throw new Error('REDIS_URL is required for the app under benchmark');
  const fixedNow = process.env.BENCH_NOW ?? '2026-11-23T09:00:00.000Z';
  // Parsed once: the real clock (new Date()) reads no string either.
  const fixedMs = Date.parse(fixedNow);
  const clock: Clock = { now: () => new Date(fixedMs) };
  const logger = createLogger({ level: env.logLevel, hashKey: env.logHashKey });
  const namespace = `o360bench-${process.pid}-${randomBytes(4).toString('hex')}`;
  // The service as main.ts starts it (configuration, Redis store and bus, app, listen), with a fixed
  // clock and a key namespace of its own.
  const service = await startService(env, logger, { clock, keys: createStoreKeys(namespace), chatBotHop });
  return {
    server: service.server,
    namespace,
    async stop() {
      service.server.closeAllConnections();
      await service.stop();
      return deleteNamespace(env.redisUrl as string, namespace);
    },
  };
}

/** Deletes the keys the benchmark wrote (its own namespace only). */
async function deleteNamespace(url: string, namespace: string): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  let deleted = 0;
  try {
    for await (const batch of client.scanIterator({ MATCH: `${namespace}:*`, COUNT: 1000 })) {
      if (batch.length > 0) deleted += await client.unlink(batch);
    }
  } finally {
    await client.close();
  }
  return deleted;
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'app' && mode !== 'app-http' && mode !== 'bare' && mode !== 'chat-bare') throw new Error('usage: server.js app|app-http|bare|chat-bare');
  const running =
    mode === 'app' ? await startApp('in-process') : mode === 'app-http' ? await startApp('http') : mode === 'chat-bare' ? await startChatBare() : await startBare();
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      send({ type: 'cpu', id: message.id, userMicros: usage.user, systemMicros: usage.system });
    } else if (message.type === 'stop') {
      running.server.closeIdleConnections();
      void running.stop().then(
        (deletedKeys) => {
          send({ type: 'stopped', deletedKeys });
          process.disconnect?.();
          process.exit(0);
        },
        (error: unknown) => {
          process.stderr.write(`bench server: stop failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    }
  });
  // The parent went away: do not linger.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 2000).unref());
  send({ type: 'ready', port: (running.server.address() as AddressInfo).port, namespace: running.namespace ?? null });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
