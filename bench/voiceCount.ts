/**
 * npm run bench:voice:count — the instructions a voice webhook costs the server, counted by valgrind's
 * callgrind: a figure that does not move with the machine's load, unlike CPU time, to compare a change
 * with the commit before it on a shared machine.
 *
 * Each side (the bare node:http server, the app, and BENCH_BEFORE's app when set) runs in a child
 * process under `valgrind --tool=callgrind --instr-atstart=no` (nothing counted while it starts). The
 * load generator (this process, not counted) plays whole journeys one after the other (one call at a
 * time: no batching that depends on timing), first WARM journeys for the JIT, then counting is switched
 * on (`callgrind_control -i on`) for COUNTED journeys, switched off and dumped. Instructions per webhook
 * = instructions counted / webhooks. User-space instructions only: the kernel's work (socket reads and
 * writes) is not in them, nor is any waiting. Slow: the app takes about 1.5 min to start under valgrind.
 *
 * Environment: BENCH_COUNT_JOURNEYS (default 200), BENCH_COUNT_WARM (default 400), BENCH_BEFORE=<another
 * checkout, built>, BENCH_COUNT_KEEP=1 (keep callgrind's dumps, for callgrind_annotate), REDIS_URL.
 * Needs valgrind (callgrind_control comes with it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Caller, journeySteps, Latencies, STEPS_PER_JOURNEY, type Errors, type Target } from './load';
import { beforeScript, startServer } from './serverChild';
import { ACCOUNT, VOICE_SERVER_ENV } from './voiceServer';

const JOURNEYS = Number(process.env.BENCH_COUNT_JOURNEYS ?? 200);
const WARM = Number(process.env.BENCH_COUNT_WARM ?? 400);
const SERVER_ENV: Record<string, string> = {
  ...VOICE_SERVER_ENV,
  // Valgrind slows the server about fifty times: Redis' answers must not be given up on.
  REDIS_COMMAND_TIMEOUT_MS: '30000',
};

interface Counted {
  label: string;
  instructionsPerWebhook: number;
  /** Those of the main (JavaScript) thread alone: not the concurrent GC and compiler threads, whose share swings more. */
  mainThreadPerWebhook: number;
  webhooks: number;
  errors: Errors;
}

/** Plays `count` journeys one after the other. */
async function journeys(target: Target, count: number, errors: Errors): Promise<number> {
  const steps = journeySteps(ACCOUNT);
  const latencies = new Latencies();
  for (let i = 0; i < count; i++) {
    const caller = new Caller(ACCOUNT, steps);
    let ok = true;
    while (ok && !caller.done) ok = await caller.step(target, latencies, errors);
  }
  return latencies.count;
}

function callgrind(command: '-i' | '-z' | '-d', pid: number, argument?: string): void {
  execFileSync('callgrind_control', [command, ...(argument === undefined ? [] : [argument]), String(pid)], { stdio: 'ignore', timeout: 120_000 });
}

/** The instructions (Ir) of callgrind's dumps (one file per thread), added up; and those of the main thread (`-01`). */
function dumpedInstructions(dir: string): { all: number; main: number } {
  let all = 0;
  let main = 0;
  for (const file of readdirSync(dir)) {
    const totals = /^totals: (\d+)/m.exec(readFileSync(path.join(dir, file), 'utf8'));
    if (!totals) continue;
    all += Number(totals[1]);
    if (file.endsWith('-01')) main += Number(totals[1]);
  }
  return { all, main };
}

async function count(label: string, mode: 'app' | 'bare', script?: string): Promise<Counted> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `voice-count-${label}-`));
  const wrapper = ['valgrind', '--tool=callgrind', '--instr-atstart=no', '--separate-threads=yes', `--callgrind-out-file=${path.join(dir, 'callgrind.%p')}`];
  const started = Date.now();
  // V8 on one thread: its compiler and collector then run at points fixed by the work itself, not by
  // how threads are scheduled (with them on their own threads, counts of one build swung by ±15 %).
  const server = await startServer(mode, null, SERVER_ENV, script, wrapper, ['--single-threaded']);
  const target: Target = { label, port: server.port, verify: mode === 'app', agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
  const errors: Errors = { count: 0, first: [] };
  try {
    await journeys(target, WARM, errors);
    const warmErrors = errors.count;
    // Nothing counted so far (--instr-atstart=no): zero what the start may have left, then count.
    callgrind('-z', server.pid);
    callgrind('-i', server.pid, 'on');
    const webhooks = await journeys(target, JOURNEYS, errors);
    callgrind('-i', server.pid, 'off');
    callgrind('-d', server.pid);
    const instructions = dumpedInstructions(dir);
    process.stderr.write(`  ${label}: ${((Date.now() - started) / 1000).toFixed(0)} s under valgrind, ${warmErrors} errors while warming up\n`);
    return { label, instructionsPerWebhook: instructions.all / webhooks, mainThreadPerWebhook: instructions.main / webhooks, webhooks, errors };
  } finally {
    target.agent.destroy();
    await server.stop();
    if (process.env.BENCH_COUNT_KEEP === '1') process.stderr.write(`  ${label}: callgrind's dumps kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const before = beforeScript();
  console.log(`voice instruction count — Node ${process.version}, valgrind callgrind; ${WARM} journeys to warm up, then ${JOURNEYS} counted (${JOURNEYS * STEPS_PER_JOURNEY} webhooks), one call at a time`);
  const sides: Counted[] = [await count('bare', 'bare'), await count('app', 'app')];
  if (before !== null) sides.push(await count('before', 'app', before));
  const [bare, app] = sides as [Counted, Counted, Counted?];
  for (const side of sides) {
    const times = (value: number, base: number) => (side.label === 'bare' ? '' : ` (×${(value / base).toFixed(2)} bare)`);
    console.log(
      `    ${side.label.padEnd(8)}${(side.instructionsPerWebhook / 1000).toFixed(1).padStart(9)} k instructions per webhook${times(side.instructionsPerWebhook, bare.instructionsPerWebhook)}, main thread ${(side.mainThreadPerWebhook / 1000).toFixed(1)} k${times(side.mainThreadPerWebhook, bare.mainThreadPerWebhook)}; ${side.errors.count} errors`,
    );
    for (const error of side.errors.first) console.log(`      error: ${error}`);
  }
  const beforeSide = sides[2];
  if (beforeSide) {
    console.log(
      `    app / before (${process.env.BENCH_BEFORE}): instructions per webhook ×${(app.instructionsPerWebhook / beforeSide.instructionsPerWebhook).toFixed(3)}, main thread ×${(app.mainThreadPerWebhook / beforeSide.mainThreadPerWebhook).toFixed(3)}`,
    );
  }
  console.log(`    bare / app: ${((bare.instructionsPerWebhook / app.instructionsPerWebhook) * 100).toFixed(1)} % (user-space instructions only: not the same figure as the CPU-time ratio of bench:voice)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
