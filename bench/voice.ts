/**
 * npm run bench:voice — the voice webhooks under load, against a baseline measured in the same run.
 *
 * Two servers, each in a child process pinned to one core (the load generator runs on the others):
 * a bare node:http server answering a fixed TwiML document, and the real app composed as main.ts
 * does, Redis-backed, with a fixed clock (Monday 23 November 2026, 10:00 in Paris: open).
 *   (1) throughput: whole journeys (6 signed webhooks each, incoming → … → <Enqueue>cercle-44),
 *       32 calls in flight; bare and app measured in alternate rounds (a busy machine disturbs both
 *       alike); journeys/s, p50/p99 per webhook, server CPU per webhook (process.cpuUsage); app/bare;
 *   (2) realistic load: 1,000 simultaneous calls, each posting its next webhook every 5 s; then the
 *       Redis memory per live call (MEMORY USAGE of the calls' state).
 * Environment: REDIS_URL (default redis://127.0.0.1:6379); BENCH_CPU_PROF=<dir> writes a CPU profile
 * of the app server; BENCH_QUICK=1 shortens every phase (a smoke run, figures not comparable);
 * BENCH_BEFORE=<another checkout, built>: its app is a third side of the alternate rounds of (1).
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { createClient } from 'redis';
import { aimLine, printAims, type Aim } from './aims';
import { closedLoop, Latencies, steadyCalls, STEP_LABELS, STEPS_PER_JOURNEY, type Errors, type Target } from './load';
import { ACCOUNT, VOICE_SERVER_ENV } from './voiceServer';
import { callMemory } from './memory';
import { BARE_TWIML } from './server';
import { beforeScript, cpuModel, cpuPlan, machineCpus, meter, startServer, type CpuShares, type RedisClient, type ServerChild } from './serverChild';

const QUICK = process.env.BENCH_QUICK === '1';
const CONCURRENCY = 32;
const WARMUP_MS = QUICK ? 1_000 : 5_000;
/** Alternate rounds of each server; together the measured time of each. */
const ROUNDS = QUICK ? 2 : 5;
const ROUND_MS = QUICK ? 1_000 : 2_000;
const CALLS = 1_000;
const PERIOD_MS = 5_000;
const STEADY_MS = QUICK ? 6_000 : 35_000;
const AIM_THROUGHPUT_RATIO = 0.25;
const AIM_P99_MS = 10;
const AIM_BYTES_PER_CALL = 1024;


function target(label: string, port: number, verify: boolean, maxSockets: number): Target {
  return { label, port, verify, agent: new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' }) };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const pad = (text: string, width: number) => text.padStart(width);
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
const percent = (fraction: number) => (Number.isFinite(fraction) ? `${(fraction * 100).toFixed(0)} %` : 'n/a');

interface Measured {
  journeysPerSecond: number;
  webhooksPerSecond: number;
  webhooks: number;
  journeys: number;
  p50: number;
  p99: number;
  max: number;
  /** Server CPU per webhook, in µs: what one core of the server spends on one webhook. */
  cpuMicrosPerWebhook: number;
  cpu: CpuShares;
  errors: number;
  firstErrors: string[];
  byStep?: Array<{ p50: number; p99: number; max: number }>;
}

/** A phase's figures from its run and its CPU meter. */
function measured(run: { journeys: number; webhooks: number; seconds: number; latencies: Latencies; errors: Errors }, cpu: CpuShares & { seconds: number }): Measured {
  return {
    journeysPerSecond: run.journeys / run.seconds,
    webhooksPerSecond: run.webhooks / run.seconds,
    webhooks: run.webhooks,
    journeys: run.journeys,
    ...run.latencies.summary(),
    cpuMicrosPerWebhook: (cpu.serverSeconds * 1e6) / run.webhooks,
    cpu,
    errors: run.errors.count,
    firstErrors: run.errors.first,
  };
}

/** Adds up the CPU shares of several rounds, weighted by their duration. */
function together(rounds: Array<CpuShares & { seconds: number }>): CpuShares & { seconds: number } {
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const weighted = (pick: (round: CpuShares) => number) => rounds.reduce((sum, round) => sum + pick(round) * round.seconds, 0) / seconds;
  return {
    seconds,
    serverSeconds: rounds.reduce((sum, round) => sum + round.serverSeconds, 0),
    server: weighted((round) => round.server),
    client: weighted((round) => round.client),
    redis: weighted((round) => round.redis),
    others: weighted((round) => round.others),
  };
}

/** Both servers, warmed up, then measured in alternate rounds. */
async function throughput(sides: Array<{ server: ServerChild; target: Target }>, redis: RedisClient | null): Promise<Measured[]> {
  for (const { target } of sides) await closedLoop(ACCOUNT, target, { concurrency: CONCURRENCY, durationMs: WARMUP_MS });
  const records = sides.map(() => ({ latencies: new Latencies(), errors: { count: 0, first: [] } as Errors, journeys: 0, webhooks: 0, seconds: 0, cpu: [] as Array<CpuShares & { seconds: number }> }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, { server, target }] of sides.entries()) {
      const record = records[index]!;
      const done = await meter(server, redis);
      const run = await closedLoop(ACCOUNT, target, { concurrency: CONCURRENCY, durationMs: ROUND_MS, latencies: record.latencies, errors: record.errors });
      record.cpu.push(await done());
      record.journeys += run.journeys;
      record.webhooks += run.webhooks;
      record.seconds += run.seconds;
    }
  }
  return records.map((record) => measured({ ...record }, together(record.cpu)));
}

async function steady(server: ServerChild, t: Target, redis: RedisClient | null): Promise<Measured> {
  const done = await meter(server, redis);
  const run = await steadyCalls(ACCOUNT, t, { calls: CALLS, periodMs: PERIOD_MS, durationMs: STEADY_MS });
  return { ...measured(run, await done()), byStep: run.byStep.map((latencies) => latencies.summary()) };
}

function showErrors(label: string, measured: Measured): void {
  for (const error of measured.firstErrors) console.log(`    ${label} error: ${error}`);
}

function cpuLine(label: string, m: Measured): string {
  const { cpu } = m;
  return `    ${label.padEnd(6)} CPUs busy: server ${cpu.server.toFixed(2)}, load generator ${cpu.client.toFixed(2)}, Redis ${Number.isFinite(cpu.redis) ? cpu.redis.toFixed(2) : 'n/a'}, other processes ${Number.isFinite(cpu.others) ? cpu.others.toFixed(2) : 'n/a'}`;
}

/** Runs the voice benchmark, prints its figures and returns its aims. */
export async function runVoiceBench(): Promise<Aim[]> {
  const { serverCpu, clientCpus } = cpuPlan();
  const cpus = machineCpus();
  if (clientCpus !== null) execFileSync('taskset', ['-a', '-p', '-c', clientCpus, String(process.pid)], { stdio: 'ignore' });
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  console.log(`voice benchmark — Node ${process.version}, ${cpus} CPUs (${cpuModel()}); ${serverCpu === null ? 'no CPU pinning' : `server child pinned to CPU ${serverCpu}, load generator to CPU ${clientCpus}`}${QUICK ? ' — QUICK smoke run, figures not comparable' : ''}`);
  console.log(`app: the real service started by main.ts's startService in a child process (LOG_LEVEL=info), Redis store at ${redisUrl}, fixed clock 2026-11-23T09:00Z (open)`);
  console.log(`bare: a node:http child process answering a fixed ${BARE_TWIML.length}-character TwiML document; both get the same signed requests over keep-alive (http.Agent)`);

  let redis: RedisClient | null = createClient({ url: redisUrl });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch {
    redis = null;
  }

  const bare = await startServer('bare', serverCpu, VOICE_SERVER_ENV);
  const app = await startServer('app', serverCpu, VOICE_SERVER_ENV);
  const bareTarget = target('bare', bare.port, false, 256);
  const appTarget = target('app', app.port, true, 256);
  const before = beforeScript();
  const beforeApp = before === null ? null : await startServer('app', serverCpu, VOICE_SERVER_ENV, before);
  const beforeSide = beforeApp === null ? [] : [{ server: beforeApp, target: target('before', beforeApp.port, true, 256) }];
  const [bareThroughput, appThroughput, beforeThroughput] = (await throughput([{ server: bare, target: bareTarget }, { server: app, target: appTarget }, ...beforeSide], redis)) as [Measured, Measured, Measured?];
  for (const side of beforeSide) side.target.agent.destroy();
  const beforeDeleted = beforeApp === null ? 0 : await beforeApp.stop();
  const bareSteady = await steady(bare, bareTarget, redis);
  bareTarget.agent.destroy();
  await bare.stop();
  const appSteady = await steady(app, appTarget, redis);
  appTarget.agent.destroy();
  const memory = redis && app.namespace ? await callMemory(redis, app.namespace) : null;
  const deleted = await app.stop();
  await redis?.close();

  console.log('');
  console.log(`(1) Throughput: whole journeys (${STEPS_PER_JOURNEY} signed webhooks: incoming, 2, 1, 3, 44000, 1 → <Enqueue>cercle-44), ${CONCURRENCY} calls in flight, ${WARMUP_MS / 1000} s warm-up each, then ${ROUNDS} alternate rounds of ${ROUND_MS / 1000} s each`);
  console.log(`    ${'server'.padEnd(8)}${pad('journeys/s', 11)}${pad('webhooks/s', 11)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('server CPU', 11)}${pad('µs CPU/webhook', 15)}${pad('errors', 7)}`);
  for (const [label, m] of [['bare', bareThroughput], ['app', appThroughput], ...(beforeThroughput ? [['before', beforeThroughput] as const] : [])] as const) {
    console.log(
      `    ${label.padEnd(8)}${pad(m.journeysPerSecond.toFixed(1), 11)}${pad(m.webhooksPerSecond.toFixed(0), 11)}${pad(ms(m.p50), 9)}${pad(ms(m.p99), 9)}${pad(ms(m.max), 9)}${pad(percent(m.cpu.server), 11)}${pad(m.cpuMicrosPerWebhook.toFixed(0), 15)}${pad(String(m.errors), 7)}`,
    );
  }
  console.log(cpuLine('bare', bareThroughput));
  console.log(cpuLine('app', appThroughput));
  showErrors('bare', bareThroughput);
  showErrors('app', appThroughput);
  if (beforeThroughput) {
    console.log(cpuLine('before', beforeThroughput));
    console.log(`    app / before (${process.env.BENCH_BEFORE}): CPU per webhook ×${ratio(appThroughput.cpuMicrosPerWebhook / beforeThroughput.cpuMicrosPerWebhook)}, throughput per server core ×${ratio(beforeThroughput.cpuMicrosPerWebhook / appThroughput.cpuMicrosPerWebhook)}`);
  }
  const measuredRatio = appThroughput.journeysPerSecond / bareThroughput.journeysPerSecond;
  // What one server core could do: the inverse of the server's CPU per webhook. When the load generator
  // cannot keep the bare server busy, this is the fair baseline (the measured one flatters the app).
  const perCoreRatio = bareThroughput.cpuMicrosPerWebhook / appThroughput.cpuMicrosPerWebhook;
  const bareSaturated = bareThroughput.cpu.server >= 0.9;
  console.log(`    app / bare: measured throughput ${ratio(measuredRatio)}, throughput per server core (inverse CPU per webhook) ${ratio(perCoreRatio)}; p50 ×${ratio(appThroughput.p50 / bareThroughput.p50)}, p99 ×${ratio(appThroughput.p99 / bareThroughput.p99)}`);
  if (!bareSaturated) {
    console.log(`    note: the bare server was only ${percent(bareThroughput.cpu.server)} busy (the load generator, one core, is the limit): its throughput on one full core is ~${(1e6 / bareThroughput.cpuMicrosPerWebhook).toFixed(0)} webhooks/s, so the per-core ratio is the one to trust`);
  }
  const judged = bareSaturated ? measuredRatio : Math.min(measuredRatio, perCoreRatio);
  const throughputAim: Aim = {
    name: `voice: app / bare throughput${bareSaturated ? '' : ' per server core'}, no errors`,
    value: `${(judged * 100).toFixed(1)} %`,
    aim: `≥ ${AIM_THROUGHPUT_RATIO * 100} %`,
    met: judged >= AIM_THROUGHPUT_RATIO && appThroughput.errors === 0,
  };
  console.log(aimLine(throughputAim));

  console.log('');
  console.log(`(2) Realistic load: ${CALLS.toLocaleString('en')} simultaneous calls, each posting its next webhook every ${PERIOD_MS / 1000} s (starts spread evenly: ${(CALLS / (PERIOD_MS / 1000)).toFixed(0)} webhooks/s), ${STEADY_MS / 1000} s`);
  console.log(`    ${'server'.padEnd(8)}${pad('webhooks', 10)}${pad('journeys', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('server CPU', 11)}${pad('µs CPU/webhook', 15)}${pad('errors', 7)}`);
  for (const [label, m] of [['bare', bareSteady], ['app', appSteady]] as const) {
    console.log(
      `    ${label.padEnd(8)}${pad(String(m.webhooks), 10)}${pad(String(m.journeys), 10)}${pad(ms(m.p50), 9)}${pad(ms(m.p99), 9)}${pad(ms(m.max), 9)}${pad(percent(m.cpu.server), 11)}${pad(m.cpuMicrosPerWebhook.toFixed(0), 15)}${pad(String(m.errors), 7)}`,
    );
  }
  console.log(cpuLine('bare', bareSteady));
  console.log(cpuLine('app', appSteady));
  if (appSteady.byStep) {
    console.log(`    app p50 / p99 by webhook (ms): ${appSteady.byStep.map((s, i) => `${STEP_LABELS[i]} ${ms(s.p50)} / ${ms(s.p99)}`).join(', ')}`);
  }
  showErrors('bare', bareSteady);
  showErrors('app', appSteady);
  console.log(`    app / bare: p50 ×${ratio(appSteady.p50 / bareSteady.p50)}, p99 ×${ratio(appSteady.p99 / bareSteady.p99)}, CPU per webhook ×${ratio(appSteady.cpuMicrosPerWebhook / bareSteady.cpuMicrosPerWebhook)}`);
  const p99Aim: Aim = { name: `voice: p99 at ${CALLS.toLocaleString('en')} calls, no errors`, value: `${ms(appSteady.p99)} ms`, aim: `≤ ${AIM_P99_MS} ms`, met: appSteady.p99 <= AIM_P99_MS && appSteady.errors === 0 };
  console.log(aimLine(p99Aim));
  const bytes = memory?.bytesPerCall ?? Number.NaN;
  const memoryAim: Aim = { name: 'voice: Redis memory per live call', value: Number.isFinite(bytes) ? `${bytes.toFixed(0)} B` : 'n/a', aim: `≤ ${AIM_BYTES_PER_CALL} B`, met: bytes <= AIM_BYTES_PER_CALL };
  if (memory) {
    console.log(`    Redis after (2): ${memory.calls} live calls; call state ${bytes.toFixed(0)} B each on average (largest ${memory.largestCall} B); everything the app wrote (tickets, indexes, queues, counters) ${memory.namespaceBytesPerCall.toFixed(0)} B per call`);
  }
  console.log(aimLine(memoryAim));

  console.log('');
  console.log(`app log: ${app.logLines.total} lines, ${app.logLines.problems.length === 0 ? 'no warning or error' : 'warnings/errors:'}`);
  for (const line of app.logLines.problems) console.log(`    ${line}`);
  console.log(`Redis: ${deleted + beforeDeleted} keys of the bench namespace deleted`);
  const noisy = [bareThroughput, appThroughput, bareSteady, appSteady].some((m) => m.cpu.others > 0.25);
  if (noisy) console.log('warning: other processes used more than a quarter of a CPU during a phase: figures are noisy (the CPU per webhook ratio, measured in alternate rounds, is the least disturbed)');
  return [throughputAim, p99Aim, memoryAim];
}

if (require.main === module) {
  runVoiceBench().then(
    (aims) => printAims('voice aims', aims),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
