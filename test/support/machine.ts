/**
 * What the tests need from the machine, found or installed: a program on the PATH, and Debian's
 * packages through apt-get when we are root (a fresh CI machine). Used by the global setup only.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` in the folders of `searchPath` (a PATH value). */
export function findOnPath(name: string, searchPath: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** apt-get can install packages: we are root and apt-get exists. */
export function canAptInstall(searchPath: string = process.env.PATH ?? ''): boolean {
  return process.getuid?.() === 0 && findOnPath('apt-get', searchPath) !== undefined;
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // apt's progress goes to stderr, where the person running `npm test` sees it.
    const child = spawn(command, args, { stdio: ['ignore', process.stderr, process.stderr], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Installs Debian packages (apt-get update, then install). Call only when `canAptInstall()`. */
export async function aptInstall(...packages: string[]): Promise<void> {
  process.stderr.write(`test setup: installing ${packages.join(', ')} with apt-get\n`);
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}
