/**
 * The benchmarks' server under test: a child process (the real app as main.ts composes it, or a bare
 * node:http baseline; see server.ts) pinned to one core of its own when the machine allows it, and
 * the CPU accounting of a phase (server, load generator, Redis, everything else).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { createClient } from 'redis';
import type { ParentMessage, ServerMessage } from './server';

/**
 * The machine's CPUs, whatever this process is pinned to: `npm run bench` pins itself to the load
 * generator's CPUs during the voice benchmark, and the chat benchmark, in the same process, must still
 * see (and pin its server to) the others.
 */
export function machineCpus(): number {
  return os.cpus().length;
}

export function cpuModel(): string {
  return os.cpus()[0]?.model ?? 'unknown';
}

/** One core for the server, the rest for the load generator (and Redis), when the machine allows it. */
export function cpuPlan(): { serverCpu: string | null; clientCpus: string | null } {
  const cpus = machineCpus();
  if (cpus < 2 || process.platform !== 'linux' || !existsSync('/usr/bin/taskset')) return { serverCpu: null, clientCpus: null };
  return { serverCpu: String(cpus - 1), clientCpus: cpus === 2 ? '0' : `0-${cpus - 2}` };
}

export interface ServerChild {
  port: number;
  /** The app's key namespace in Redis (null for the bare servers). */
  namespace: string | null;
  cpuSeconds(): Promise<number>;
  stop(): Promise<number>;
  logLines: { total: number; problems: string[] };
}

/**
 * BENCH_BEFORE=<directory of another checkout, built>: that build's app is measured beside this one
 * in the same run (`npm run build` there first), e.g. the commit before a change. Another variable
 * names another such checkout (the chat bench's BENCH_NOV23).
 */
export function beforeScript(variable = 'BENCH_BEFORE'): string | null {
  const dir = process.env[variable];
  if (!dir) return null;
  const script = path.join(path.resolve(dir), 'dist', 'bench', 'server.js');
  if (!existsSync(script)) throw new Error(`${variable}: no ${script} (run npm run build in ${dir})`);
  return script;
}

/**
 * The node flags the service runs with in production: those of `npm start` in the checkout that built
 * `script` (<checkout>/dist/bench/server.js), so that a BENCH_BEFORE build runs with its own. Every
 * server child gets them, the bare baseline too.
 */
export function serviceNodeFlags(script: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.resolve(script, '../../../package.json'), 'utf8')) as { scripts?: { start?: string } };
    const words = (manifest.scripts?.start ?? '').trim().split(/\s+/);
    if (words[0] !== 'node') return [];
    const flags: string[] = [];
    for (const word of words.slice(1)) {
      if (!word.startsWith('--')) break;
      flags.push(word);
    }
    return flags;
  } catch {
    return [];
  }
}

/**
 * `script`: another build's bench/server.js (BENCH_BEFORE); default: this build's. `wrapper`: a command
 * the server runs under (e.g. valgrind and its options; bench/voiceCount.ts), then no CPU profile;
 * `nodeFlags`: more flags for node, after those of `npm start`.
 */
export async function startServer(
  mode: 'app' | 'app-http' | 'bare' | 'chat-bare',
  serverCpu: string | null,
  env: Record<string, string>,
  script = path.join(__dirname, 'server.js'),
  wrapper: readonly string[] = [],
  nodeFlags: readonly string[] = [],
): Promise<ServerChild & { pid: number }> {
  const profileDir = wrapper.length === 0 ? process.env.BENCH_CPU_PROF : undefined;
  const nodeArgs = [...wrapper, process.execPath, ...serviceNodeFlags(script), ...nodeFlags, ...(mode.startsWith('app') && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), script, mode];
  const [command, args] = serverCpu === null ? [nodeArgs[0], nodeArgs.slice(1)] : ['taskset', ['-c', serverCpu, ...nodeArgs]];
  const child: ChildProcess = spawn(command as string, args as string[], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, PORT: '0', ...env },
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  // The app's JSON log lines: counted; warnings and errors kept to be shown.
  const logLines = { total: 0, problems: [] as string[] };
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      logLines.total++;
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (level === undefined || Number(level) < 40 || logLines.problems.length >= 5) return;
      try {
        const entry = JSON.parse(line) as { time?: string; msg?: string; err?: { message?: string } };
        logLines.problems.push(`${Number(level) >= 50 ? 'error' : 'warn'} ${entry.time ?? ''} ${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 300));
      } catch {
        logLines.problems.push(line.slice(0, 300));
      }
    });
  }

  const waiters = new Map<number, (message: ServerMessage) => void>();
  let stopped: ((deleted: number) => void) | null = null;
  let nextId = 0;
  const { port, namespace } = await new Promise<{ port: number; namespace: string | null }>((resolve, reject) => {
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'cpu') waiters.get(message.id)?.(message);
      else if (message.type === 'stopped') stopped?.(message.deletedKeys);
    });
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited (${code}) before it was ready`)));
  });
  const ask = (message: ParentMessage) => child.send(message);
  return {
    pid: child.pid ?? 0,
    port,
    namespace,
    logLines,
    cpuSeconds: () =>
      new Promise<number>((resolve) => {
        const id = nextId++;
        waiters.set(id, (message) => {
          waiters.delete(id);
          if (message.type === 'cpu') resolve((message.userMicros + message.systemMicros) / 1e6);
        });
        ask({ type: 'cpu', id });
      }),
    stop: () =>
      new Promise<number>((resolve) => {
        let deleted = 0;
        stopped = (count) => (deleted = count);
        child.once('exit', () => {
          process.off('exit', kill);
          resolve(deleted);
        });
        ask({ type: 'stop' });
      }),
  };
}

/** CPU seconds used by the whole machine so far (Linux /proc/stat), or NaN elsewhere. */
export function machineBusySeconds(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds used by Redis so far (INFO cpu), or NaN when it cannot be read. */
export async function redisCpuSeconds(redis: RedisClient | null): Promise<number> {
  if (!redis) return Number.NaN;
  try {
    const info = await redis.info('cpu');
    const read = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? Number.NaN);
    return read('used_cpu_user') + read('used_cpu_sys');
  } catch {
    return Number.NaN;
  }
}

export type RedisClient = ReturnType<typeof createClient>;

/** Where the CPU went during a phase, in CPUs (1 = one core busy all along). */
export interface CpuShares {
  server: number;
  client: number;
  redis: number;
  /** Everything else on the machine: other processes (noise for this run). */
  others: number;
  serverSeconds: number;
}

export async function meter(server: ServerChild, redis: RedisClient | null): Promise<() => Promise<CpuShares & { seconds: number }>> {
  const started = performance.now();
  const [serverBefore, redisBefore] = await Promise.all([server.cpuSeconds(), redisCpuSeconds(redis)]);
  const clientBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();
  return async () => {
    const client = process.cpuUsage(clientBefore);
    const machine = machineBusySeconds() - machineBefore;
    const [serverAfter, redisAfter] = await Promise.all([server.cpuSeconds(), redisCpuSeconds(redis)]);
    const seconds = (performance.now() - started) / 1000;
    const serverSeconds = serverAfter - serverBefore;
    const clientSeconds = (client.user + client.system) / 1e6;
    const redisSeconds = redisAfter - redisBefore;
    const others = machine - serverSeconds - clientSeconds - (Number.isFinite(redisSeconds) ? redisSeconds : 0);
    return {
      seconds,
      serverSeconds,
      server: serverSeconds / seconds,
      client: clientSeconds / seconds,
      redis: redisSeconds / seconds,
      others: Math.max(0, others / seconds),
    };
  };
}
