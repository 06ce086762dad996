/**
 * Real local Redis topologies for the tests, on free ports, in a temporary directory: a Sentinel
 * group (a primary, a replica, three sentinels) and a Cluster of three masters. Each server is a child
 * process of the test, stopped by `stop()`; the machine's own Redis (6379) is never touched.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RedisNodeAddress, RedisTarget } from '../../src/storage/redis-target';

const run = promisify(execFile);
const HOST = '127.0.0.1';

export interface RedisServerProcess {
  readonly port: number;
  readonly address: RedisNodeAddress;
  /** SIGKILL: the server dies as a crashed machine would, without a word to its replicas. */
  kill(): Promise<void>;
  /** SIGSTOP: the server stops answering (and replicating) until `thaw()`. */
  freeze(): void;
  thaw(): void;
  readonly alive: boolean;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** A port free now, and (for cluster nodes) its bus port, port + 10000, free too. */
export async function freePort(taken: Set<number> = new Set(), withBusPort = false): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    if (taken.has(port) || (withBusPort && taken.has(port + 10000))) continue;
    if (!(await portIsFree(port))) continue;
    if (withBusPort && !(await portIsFree(port + 10000))) continue;
    taken.add(port);
    if (withBusPort) taken.add(port + 10000);
    return port;
  }
  throw new Error('no free port found');
}

/** Sends one command with redis-cli; its output, trimmed. */
export async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', HOST, '-p', String(port), ...args], { timeout: 10_000 });
  return stdout.trim();
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startServer(port: number, args: string[], dir: string): RedisServerProcess {
  const child: ChildProcess = spawn('redis-server', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let alive = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    alive = false;
    resolve();
  }));
  return {
    port,
    address: { host: HOST, port },
    get alive() {
      return alive;
    },
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
    async kill() {
      if (!alive) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function dataServerArgs(port: number, dir: string, extra: string[] = []): string[] {
  return ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', path.join(dir, `redis-${port}.log`), ...extra];
}

export interface SentinelGroup {
  readonly masterName: string;
  readonly primary: RedisServerProcess;
  readonly replica: RedisServerProcess;
  readonly sentinels: readonly RedisServerProcess[];
  readonly target: Extract<RedisTarget, { kind: 'sentinel' }>;
  /** The primary as the sentinels see it now. */
  currentPrimary(): Promise<RedisNodeAddress>;
  /** Resolves once the sentinels name another primary than `previous`, and it accepts writes. */
  waitForFailover(previous: RedisNodeAddress, timeoutMs?: number): Promise<RedisNodeAddress>;
  stop(): Promise<void>;
}

/** A primary, its replica and three sentinels (quorum 2) that fail over one second after a primary dies. */
export async function startSentinelGroup(masterName = 'o360test'): Promise<SentinelGroup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'o360-sentinel-'));
  const taken = new Set<number>();
  const servers: RedisServerProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.kill()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primaryPort = await freePort(taken);
    const replicaPort = await freePort(taken);
    const primary = startServer(primaryPort, dataServerArgs(primaryPort, dir), dir);
    servers.push(primary);
    await waitFor('the primary', async () => (await redisCli(primaryPort, 'PING')) === 'PONG');
    const replica = startServer(replicaPort, dataServerArgs(replicaPort, dir, ['--replicaof', HOST, String(primaryPort)]), dir);
    servers.push(replica);
    await waitFor('the replica to sync', async () => /master_link_status:up/.test(await redisCli(replicaPort, 'INFO', 'replication')));

    const sentinels: RedisServerProcess[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort(taken);
      const configFile = path.join(dir, `sentinel-${port}.conf`);
      fs.writeFileSync(
        configFile,
        [
          `port ${port}`,
          `bind ${HOST}`,
          `dir ${dir}`,
          `logfile ${path.join(dir, `sentinel-${port}.log`)}`,
          `sentinel monitor ${masterName} ${HOST} ${primaryPort} 2`,
          `sentinel down-after-milliseconds ${masterName} 1000`,
          `sentinel failover-timeout ${masterName} 5000`,
          `sentinel parallel-syncs ${masterName} 1`,
          '',
        ].join('\n'),
      );
      const sentinel = startServer(port, [configFile, '--sentinel'], dir);
      servers.push(sentinel);
      sentinels.push(sentinel);
    }
    // Every sentinel knows the replica and the two other sentinels before a failover is asked of them.
    for (const sentinel of sentinels) {
      await waitFor('the sentinels to know each other', async () => {
        const info = await redisCli(sentinel.port, 'INFO', 'sentinel');
        return /status=ok,address=[^,]+,slaves=1,sentinels=3/.test(info);
      });
    }

    const currentPrimary = async (): Promise<RedisNodeAddress> => {
      for (const sentinel of sentinels) {
        if (!sentinel.alive) continue;
        const [host, port] = (await redisCli(sentinel.port, 'SENTINEL', 'get-master-addr-by-name', masterName)).split('\n');
        if (host && port) return { host, port: Number(port) };
      }
      throw new Error('no sentinel answers');
    };

    return {
      masterName,
      primary,
      replica,
      sentinels,
      target: { kind: 'sentinel', masterName, sentinels: sentinels.map((sentinel) => sentinel.address) },
      currentPrimary,
      async waitForFailover(previous, timeoutMs = 30_000) {
        let next: RedisNodeAddress = previous;
        await waitFor(
          'the failover',
          async () => {
            next = await currentPrimary();
            if (next.port === previous.port) return false;
            return /role:master/.test(await redisCli(next.port, 'INFO', 'replication'));
          },
          timeoutMs,
        );
        return next;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface RedisClusterGroup {
  readonly masters: readonly RedisServerProcess[];
  readonly target: Extract<RedisTarget, { kind: 'cluster' }>;
  /** For REDIS_CLUSTER_NODES: `127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3`. */
  readonly nodeList: string;
  stop(): Promise<void>;
}

/** Three masters, no replica, every slot covered (`redis-cli --cluster create`). */
export async function startRedisCluster(options: { ports?: readonly number[] } = {}): Promise<RedisClusterGroup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'o360-cluster-'));
  const taken = new Set<number>();
  const masters: RedisServerProcess[] = [];
  const stop = async () => {
    await Promise.all(masters.map((server) => server.kill()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      const port = options.ports?.[i] ?? (await freePort(taken, true));
      const extra = ['--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '2000'];
      masters.push(startServer(port, dataServerArgs(port, dir, extra), dir));
    }
    for (const master of masters) await waitFor('a cluster node', async () => (await redisCli(master.port, 'PING')) === 'PONG');
    const nodeList = masters.map((master) => `${HOST}:${master.port}`);
    await run('redis-cli', ['--cluster', 'create', ...nodeList, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    for (const master of masters) {
      await waitFor('the cluster to be ok', async () => /cluster_state:ok/.test(await redisCli(master.port, 'CLUSTER', 'INFO')));
    }
    return {
      masters,
      target: { kind: 'cluster', nodes: masters.map((master) => master.address) },
      nodeList: nodeList.join(','),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
