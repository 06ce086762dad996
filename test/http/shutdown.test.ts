/**
 * SIGTERM on the real service (a child process, as a platform stops it): it stops taking work, ends
 * the consoles' event streams and the chat WebSockets with a reconnect hint, answers the request in
 * flight, closes idle keep-alive sockets, and exits 0. The time bound is generous: this tests that it
 * exits, not how fast.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { getExpectedTwilioSignature } from 'twilio';
import { WebSocket } from 'ws';
import { mintDevToken } from '../../src/advisors/devToken';
import { DEFAULT_ADVISOR_JWT_AUDIENCE, DEV_ADVISOR_JWT_ISSUER, DEV_DEFAULTS } from '../../src/config/env';
import { REPO_ROOT } from '../support/config';

jest.setTimeout(60_000);

const PUBLIC_BASE_URL = 'https://shutdown.example.org';
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `node --import tsx src/main.ts` on a free port; resolves with the port once it listens. */
function startService(): Promise<{ port: number; exited: Promise<number | null>; output: () => string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'info', PUBLIC_BASE_URL, CONFIG_DIR: REPO_ROOT };
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src', 'main.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let output = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'orientation-360 is listening' && entry.port) {
          proc.stdout!.off('data', onData);
          proc.stdout!.on('data', (more: Buffer) => (output += more.toString('utf8')));
          resolve({ port: entry.port, exited, output: () => output });
          return;
        }
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`the service exited (${code}) before listening:\n${output}`)));
  });
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function request(port: number, options: http.RequestOptions & { body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, ...options }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

it('When the service gets SIGTERM with a keep-alive client, a console, a chat and a request in flight, then each is ended cleanly and it exits 0', async () => {
  const service = await startService();
  const { port } = service;

  // A keep-alive client, left idle.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  expect((await request(port, { path: '/healthz', agent })).status).toBe(200);
  const idleSocketClosed = new Promise<void>((resolve) => {
    const [socket] = Object.values(agent.freeSockets).flat();
    if (!socket) throw new Error('no idle keep-alive socket');
    socket.once('close', () => resolve());
  });

  // An advisor console's event stream.
  const token = await mintDevToken(
    { subject: 'shutdown-test', role: 'advisor', territories: ['44'] },
    { signingKey: DEV_DEFAULTS.ADVISOR_DEV_SIGNING_KEY, issuer: DEV_ADVISOR_JWT_ISSUER, audience: DEFAULT_ADVISOR_JWT_AUDIENCE, now: new Date(), ttlSeconds: 600 },
  );
  let sse = '';
  const sseEnded = new Promise<void>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/api/advisor/events', headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.on('data', (chunk: Buffer) => (sse += chunk.toString('utf8')));
        res.on('end', () => resolve());
      })
      .on('error', reject);
  });

  // A chat's Direct Line WebSocket.
  const chatToken = JSON.parse((await request(port, { method: 'POST', path: '/chat/token' })).body) as { token: string };
  const conversation = await request(port, { method: 'POST', path: '/v3/directline/conversations', headers: { authorization: `Bearer ${chatToken.token}` } });
  const ws = new WebSocket((JSON.parse(conversation.body) as { streamUrl: string }).streamUrl);
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  const wsClosed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await until(() => sse.includes('event: ready'));

  // A Twilio webhook in flight: headers and half of its body sent.
  const params = { CallSid: 'CA0000000000000000000000000000000f', ErrorCode: '11200' };
  const body = new URLSearchParams(params).toString();
  let answer: { status: number; connection?: string; body: string } | undefined;
  const inFlight = new Promise<void>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/voice/fallback',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-twilio-signature': getExpectedTwilioSignature(DEV_DEFAULTS.TWILIO_AUTH_TOKEN, `${PUBLIC_BASE_URL}/voice/fallback`, params),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => {
          answer = { status: res.statusCode ?? 0, connection: res.headers.connection, body: text };
          resolve();
        });
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10));
    // SIGTERM while the body is still on its way; the rest comes once the service is stopping.
    setTimeout(() => {
      child!.kill('SIGTERM');
      void until(() => service.output().includes('"msg":"stopping"')).then(() => req.end(body.slice(10)));
    }, 100);
  });

  let timer: NodeJS.Timeout | undefined;
  const tooLong = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('still running after 30 s'), 30_000);
  });
  const exitCode = await Promise.race([service.exited, tooLong]);
  clearTimeout(timer);
  expect(exitCode).toBe(0);
  await inFlight;
  expect(answer).toMatchObject({ status: 200, connection: 'close' });
  expect(answer?.body).toContain('<Enqueue>');
  await sseEnded;
  expect(sse).toMatch(/retry: \d+\nevent: shutdown\n/);
  expect(await wsClosed).toBe(1012);
  await idleSocketClosed;
  agent.destroy();
  expect(service.output()).toContain('"clean":true');
  if (process.env.SHOW_SHUTDOWN_LOG) process.stdout.write(service.output());
});
