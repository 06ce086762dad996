/**
 * Starts scripts/dev-oidc-provider.mjs (the `oidc-provider` package, ESM-only, so in a Node process of
 * its own) and reads the issuer it prints. Used by `npm start` in development and by the tests; the
 * child stops when we stop it or when this process dies (its standard input closes).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface DevProviderOptions {
  /** Repository root (where scripts/ is). */
  repositoryRoot: string;
  /** 0: a free port. */
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface RunningDevProvider {
  issuer: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

export function startDevProvider(options: DevProviderOptions): Promise<RunningDevProvider> {
  const child = spawn(process.execPath, [join(options.repositoryRoot, 'scripts', 'dev-oidc-provider.mjs')], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      DEV_OIDC_PORT: String(options.port),
      DEV_OIDC_CLIENT_ID: options.clientId,
      DEV_OIDC_CLIENT_SECRET: options.clientSecret,
      DEV_OIDC_REDIRECT_URIS: options.redirectUris.join(','),
      DEV_OIDC_POST_LOGOUT_REDIRECT_URIS: options.postLogoutRedirectUris.join(','),
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      child.kill('SIGTERM');
      await exited;
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The development OpenID provider did not start: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The development OpenID provider stopped (code ${code}): ${stderr}`));
    });
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        const { issuer } = JSON.parse(line) as { issuer: string };
        resolve({ issuer, stop });
      } catch {
        void stop();
        reject(new Error(`The development OpenID provider said: ${line}`));
      }
    });
  });
}

/**
 * The staff accounts main creates in development for the local provider's test people (their identities
 * are in scripts/dev-oidc-provider.mjs; the admin is a bootstrap admin, DEV_BOOTSTRAP_ADMIN_EMAIL; the
 * person « sans compte » has none). See src/advisors/README.md, "Signing in".
 */
export const DEV_STAFF_ACCOUNTS = [
  { email: 'coordination.44@360.test', role: 'coordinator', territories: ['44'] },
  { email: 'conseil.44@360.test', role: 'advisor', territories: ['44'] },
  { email: 'conseil2.44@360.test', role: 'advisor', territories: ['44'], maxChats: 3 },
  { email: 'conseil.35@360.test', role: 'advisor', territories: ['35'] },
] as const;
