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
 * 1 message; a question: 3 or 4, the last the menu again; the welcome: 2). Then the
 * user leaves and a new conversation starts (Direct Line allows 60 messages a minute per conversation).
 * Closed loop at 1, 16 and 64 conversations in flight, warm-up then a fixed duration each.
 *
 * The bare server's round trip (POST then GET, keep-alive) is what any Direct Line turn costs at
 * least over HTTP; the app's latencies are given as multiples of it.
 *
 * Environment: REDIS_URL (default redis://127.0.0.1:6379); BENCH_CPU_PROF=<dir> writes a CPU profile
 * of the app server; BENCH_QUICK=1 shortens every phase (a smoke run, figures not comparable);
 * BENCH_BEFORE=<another checkout, built>: its app (in process) is measured too, after this one's;
 * BENCH_NOV23=<a built copy of 4ce5d22>: the code the issue's « today » was measured on (23 November:
 * 57 / 139 / 191 bot turns/s), measured the same way, for the aim as the issue set it (≥ ×10 per core).
 * Loopback only; every loop is bounded; the run stops by itself.
 */
import { execFileSync } from 'node:child_process';
import { createClient } from 'redis';
import { aimLine, printAims, type Aim } from './aims';
import { appLoop, bareLoop, pacedLoad, QUESTIONS, target, type Kind, type Stats, type Target } from './chatLoad';
import type { Errors } from './load';
import { BARE_CHAT_PAGE } from './server';
import { beforeScript, cpuModel, cpuPlan, machineCpus, meter, startServer, type CpuShares, type RedisClient, type ServerChild } from './serverChild';

const QUICK = process.env.BENCH_QUICK === '1';
/** 1: a turn's own latency (nothing queues); 16 and 64: the server saturated, latencies include queueing. */
const CONCURRENCIES = [1, 16, 64] as const;
const WARMUP_MS = QUICK ? 1_000 : 3_000;
const MEASURE_MS = QUICK ? 2_000 : 10_000;
/** The paced scenario: open conversations, each posting a message every PACE_MS. */
const PACED_CONVERSATIONS = 100;
const PACE_MS = 2_000;
const PACED_MS = QUICK ? 6_000 : 30_000;
/** Aims (issue 13): bot turns per server core against the old HTTP path; p99 of a turn at the human pace. */
const AIM_SPEED_UP = 10;
/** The commit whose chat figures the issue quotes as « today » (README of 23 November, 18:24). */
const NOV23_COMMIT = '4ce5d22';
const AIM_PACED_P99_MS = 50;
/** The whole run gives up after this (a hung server must not hang the bench). */
const RUN_LIMIT_MS = 10 * 60_000;

/**
 * The app's environment. Test mode: the bot in local mode (no Bot Framework identity, as in
 * development), which is what serves our own Direct Line; the secrets are the bench's own; no local
 * OpenID provider (development starts one on its fixed port beside each app, and this bench's two apps
 * at once made the second fail with EADDRINUSE). The load generator stands for
 * the reverse proxy (TRUST_PROXY=loopback): each simulated person has an X-Forwarded-For address of
 * their own, as /chat/token allows 30 conversations a minute per address.
 */
const SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  TRUST_PROXY: 'loopback',
  PUBLIC_BASE_URL: 'https://orientation360.bench.example',
  TWILIO_AUTH_TOKEN: 'bench-twilio-auth-token-0123456789',
  LOG_HASH_KEY: 'bench-log-hash-key-0123456789',
  DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  LOG_LEVEL: 'info',
};

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

function appFigures(run: { stats: Stats; seconds: number }, cpu: CpuShares & { seconds: number }, warmUpErrors: number): AppMeasured {
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
    warmUpErrors,
  };
}

async function measureApp(server: ServerChild, t: Target, concurrency: number, redis: RedisClient | null): Promise<AppMeasured> {
  const warmUp = await appLoop(t, concurrency, WARMUP_MS);
  const done = await meter(server, redis);
  const run = await appLoop(t, concurrency, MEASURE_MS);
  return appFigures(run, await done(), warmUp.stats.errors.count);
}

/** People chatting at a human pace: PACED_CONVERSATIONS open conversations, a message every PACE_MS each. */
async function measurePaced(server: ServerChild, t: Target, redis: RedisClient | null): Promise<AppMeasured> {
  const done = await meter(server, redis);
  const run = await pacedLoad(t, PACED_CONVERSATIONS, PACE_MS, PACED_MS);
  return appFigures(run, await done(), 0);
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

/** Runs the chat benchmark, prints its figures and returns its aims. */
export async function runChatBench(): Promise<Aim[]> {
  const giveUp = setTimeout(() => {
    console.error(`chat benchmark: still running after ${RUN_LIMIT_MS / 60_000} min, giving up`);
    process.exit(3);
  }, RUN_LIMIT_MS);
  giveUp.unref();
  const { serverCpu, clientCpus } = cpuPlan();
  const cpus = machineCpus();
  if (clientCpus !== null) execFileSync('taskset', ['-a', '-p', '-c', clientCpus, String(process.pid)], { stdio: 'ignore' });
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  console.log(`chat benchmark — Node ${process.version}, ${cpus} CPUs (${cpuModel()}); ${serverCpu === null ? 'no CPU pinning' : `server child pinned to CPU ${serverCpu}, load generator to CPU ${clientCpus}`}${QUICK ? ' — QUICK smoke run, figures not comparable' : ''}`);
  console.log(`app: the real service in a child process (NODE_ENV=test: the bot in local mode, no sign-in provider, LOG_LEVEL=info), Redis store and pub/sub at ${redisUrl}, fixed clock 2026-11-23T09:00Z`);
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

  // The app (our own channel hands activities to the bot in process) and the old path (over HTTP),
  // measured one after the other at each concurrency.
  const old = await startServer('app-http', serverCpu, SERVER_ENV);
  const app = await startServer('app', serverCpu, SERVER_ENV);
  const beforePath = beforeScript();
  const before = beforePath === null ? null : await startServer('app', serverCpu, SERVER_ENV, beforePath);
  // The code of 23 November starts with the same settings (its bench ran it in production mode; the
  // test mode of today's, with the bot in local mode, serves our Direct Line alike).
  const nov23Path = beforeScript('BENCH_NOV23');
  const nov23 = nov23Path === null ? null : await startServer('app', serverCpu, SERVER_ENV, nov23Path);
  const oldResults: AppMeasured[] = [];
  const appResults: AppMeasured[] = [];
  const beforeResults: AppMeasured[] = [];
  const nov23Results: AppMeasured[] = [];
  for (const concurrency of CONCURRENCIES) {
    const sides = [[old, oldResults], [app, appResults], ...(before ? [[before, beforeResults] as const] : []), ...(nov23 ? [[nov23, nov23Results] as const] : [])] as const;
    for (const [server, results] of sides) {
      const t = target(server.port, concurrency * 2);
      results.push(await measureApp(server, t, concurrency, redis));
      t.agent.destroy();
    }
  }
  const oldDeleted = (await old.stop()) + (before ? await before.stop() : 0) + (nov23 ? await nov23.stop() : 0);
  const pacedTarget = target(app.port, PACED_CONVERSATIONS * 2);
  const paced = await measurePaced(app, pacedTarget, redis);
  pacedTarget.agent.destroy();
  const deleted = oldDeleted + (await app.stop());
  await redis?.close();

  CONCURRENCIES.forEach((concurrency, index) => report(concurrency, bareResults[index]!, appResults[index]!));
  summary(bareResults, appResults);
  console.log('');
  console.log('Before issue 13 (our own channel → bot over HTTP, the bot\'s replies through the connector over HTTP), same run:');
  CONCURRENCIES.forEach((concurrency, index) => {
    const [o, a] = [oldResults[index]!, appResults[index]!];
    console.log(
      `    ${String(concurrency).padEnd(4)} in flight: old ${o.turnsPerSecond.toFixed(0)} turns/s, ${o.cpuMicrosPerTurn.toFixed(0)} µs CPU per turn, button p99 ${ms(o.byKind.button.p99)} ms; in process ${a.turnsPerSecond.toFixed(0)} turns/s, ${a.cpuMicrosPerTurn.toFixed(0)} µs; per core ×${(o.cpuMicrosPerTurn / a.cpuMicrosPerTurn).toFixed(1)}; errors old ${o.errors.count}`,
    );
  });
  for (const error of new Set(oldResults.flatMap((o) => o.errors.first))) console.log(`    old error: ${error}`);
  if (before) {
    console.log(`This build against BENCH_BEFORE (${process.env.BENCH_BEFORE}), both in process, same run:`);
    CONCURRENCIES.forEach((concurrency, index) => {
      const [b, a] = [beforeResults[index]!, appResults[index]!];
      console.log(
        `    ${String(concurrency).padEnd(4)} in flight: before ${b.turnsPerSecond.toFixed(0)} turns/s, ${b.cpuMicrosPerTurn.toFixed(0)} µs CPU per turn, button p99 ${ms(b.byKind.button.p99)} ms, FAQ p99 ${ms(b.byKind.faq.p99)} ms; now ${a.cpuMicrosPerTurn.toFixed(0)} µs; per core ×${(b.cpuMicrosPerTurn / a.cpuMicrosPerTurn).toFixed(1)}; errors before ${b.errors.count}`,
      );
    });
  }
  /** A ratio of CPU per turn, or why there is none (a side without turns: its CPU per turn is Infinity or NaN). */
  const speedUpText = (value: number): string => (Number.isFinite(value) ? `×${value.toFixed(1)}` : 'no turns on one side');
  // Judged where the server is saturated (the most in flight): turns per server core, new ÷ old.
  const last = CONCURRENCIES.length - 1;
  const speedUp = oldResults[last]!.cpuMicrosPerTurn / appResults[last]!.cpuMicrosPerTurn;
  // A side that completed no turn has no CPU per turn (Infinity): no ratio, the aim is not met.
  const speedAim: Aim = { name: `chat: bot turns per server core, in process ÷ old HTTP path (${CONCURRENCIES[last]} in flight)`, value: speedUpText(speedUp), aim: `≥ ×${AIM_SPEED_UP}`, met: Number.isFinite(speedUp) && speedUp >= AIM_SPEED_UP };
  console.log(aimLine(speedAim));
  const aims = [speedAim];
  if (nov23) {
    console.log(`Against the code of 23 Nov, when the aim was set (BENCH_NOV23=${process.env.BENCH_NOV23}, commit ${NOV23_COMMIT}: the issue's 57 / 139 / 191 bot turns/s), same run:`);
    CONCURRENCIES.forEach((concurrency, index) => {
      const [n, a] = [nov23Results[index]!, appResults[index]!];
      console.log(
        `    ${String(concurrency).padEnd(4)} in flight: 23 Nov ${n.turnsPerSecond.toFixed(0)} turns/s, ${n.cpuMicrosPerTurn.toFixed(0)} µs CPU per turn, button p99 ${ms(n.byKind.button.p99)} ms; now ${a.cpuMicrosPerTurn.toFixed(0)} µs; per core ×${(n.cpuMicrosPerTurn / a.cpuMicrosPerTurn).toFixed(1)}; errors 23 Nov ${n.errors.count}`,
      );
    });
    for (const error of new Set(nov23Results.flatMap((n) => n.errors.first))) console.log(`    23 Nov error: ${error}`);
    const sinceNov23 = nov23Results[last]!.cpuMicrosPerTurn / appResults[last]!.cpuMicrosPerTurn;
    const nov23Aim: Aim = { name: `chat: bot turns per server core against the code of 23 Nov, when the aim was set (${CONCURRENCIES[last]} in flight)`, value: speedUpText(sinceNov23), aim: `≥ ×${AIM_SPEED_UP}`, met: Number.isFinite(sinceNov23) && sinceNov23 >= AIM_SPEED_UP };
    console.log(aimLine(nov23Aim));
    aims.push(nov23Aim);
  }

  console.log('');
  console.log(`Paced: ${PACED_CONVERSATIONS} open conversations, each posting a message every ${PACE_MS / 1000} s (starts spread over ${PACE_MS / 1000} s), ${PACED_MS / 1000} s`);
  console.log(
    `    button p50 / p99 ${ms(paced.byKind.button.p50)} / ${ms(paced.byKind.button.p99)} ms (${paced.byKind.button.count}); FAQ ${ms(paced.byKind.faq.p50)} / ${ms(paced.byKind.faq.p99)} ms (${paced.byKind.faq.count}); open ${ms(paced.byKind.open.p50)} / ${ms(paced.byKind.open.p99)} ms; ${paced.turnsPerSecond.toFixed(0)} turns/s, server ${percent(paced.cpu.server)} busy, ${paced.cpuMicrosPerTurn.toFixed(0)} µs CPU per turn; errors ${paced.errors.count}`,
  );
  for (const error of paced.errors.first) console.log(`    paced error: ${error}`);
  const pacedP99 = Math.max(paced.byKind.button.p99, paced.byKind.faq.p99);
  const pacedAim: Aim = { name: `chat: p99 of a turn at ${PACED_CONVERSATIONS} conversations every ${PACE_MS / 1000} s, no errors`, value: `${ms(pacedP99)} ms`, aim: `≤ ${AIM_PACED_P99_MS} ms`, met: pacedP99 <= AIM_PACED_P99_MS && paced.errors.count === 0 };
  console.log(aimLine(pacedAim));
  console.log('');
  console.log(`app log: ${app.logLines.total} lines, ${app.logLines.problems.length === 0 ? 'no warning or error' : 'warnings/errors:'}`);
  for (const line of app.logLines.problems) console.log(`    ${line}`);
  console.log(`Redis: ${deleted} keys of the bench namespace deleted`);
  const noisy = [...bareResults, ...appResults, ...oldResults, ...beforeResults, ...nov23Results, paced].some((m) => m.cpu.others > 0.25);
  if (noisy) console.log('warning: other processes used more than a quarter of a CPU during a phase: figures are noisy, run again on a quiet machine');
  const errors = [...bareResults, ...appResults, ...oldResults, paced].reduce((sum, m) => sum + m.errors.count, 0);
  if (errors > 0) process.exitCode = 1;
  return [...aims, pacedAim];
}

if (require.main === module) {
  runChatBench().then(
    (aims) => printAims('chat aims', aims),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
