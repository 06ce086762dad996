/**
 * A Redis for the tests: the one at the given address when it answers PING, else a `redis-server`
 * of our own (no persistence, a temporary folder), installed with apt-get when missing and we are
 * root. The global setup uses it; `stop()` stops only a server this module started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { aptInstall, canAptInstall, findOnPath } from './machine';

export interface ProvidedRedis {
  url: string;
  /** True when this module started the server (and `stop()` stops it). */
  started: boolean;
  stop(): Promise<void>;
}

export interface ProvideRedisOptions {
  /** The address to use when a Redis answers there. */
  url: string;
  /** Where our own server listens when none answers; default: a free port. */
  ownPort?: number;
  /** Where to look for redis-server (a PATH value); default: PATH. */
  searchPath?: string;
  /** May apt-get install redis-server when it is missing? Default: when root. */
  mayInstall?: boolean;
}

/** A Redis answers PING at `url` within a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function redisServerBinary(searchPath: string, mayInstall: boolean): Promise<string> {
  const found = findOnPath('redis-server', searchPath);
  if (found) return found;
  if (mayInstall) {
    await aptInstall('redis-server');
    const installed = findOnPath('redis-server', searchPath);
    if (installed) return installed;
  }
  throw new Error(
    'The tests need a Redis: none answers at REDIS_URL (or 127.0.0.1:6379) and redis-server is not installed. ' +
      'Install it (Debian: sudo apt-get install -y redis-server; `npm test` does it itself when run as root) ' +
      'or set REDIS_URL to a running Redis.',
  );
}

async function waitUntilAnswers(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server stopped at start (exit ${child.exitCode}): ${output()}`);
    if (await redisAnswers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not answer at ${url} within 5 s: ${output()}`);
}

export async function provideRedis(options: ProvideRedisOptions): Promise<ProvidedRedis> {
  if (await redisAnswers(options.url)) {
    return { url: options.url, started: false, stop: async () => undefined };
  }
  const searchPath = options.searchPath ?? process.env.PATH ?? '';
  const binary = await redisServerBinary(searchPath, options.mayInstall ?? canAptInstall(searchPath));
  const port = options.ownPort ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'o360-test-redis-'));
  const child = spawn(
    binary,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswers(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, started: true, stop };
}
