/**
 * Where Debian's Chromium is, for the browser tests: CHROMIUM_PATH when set, else /usr/bin/chromium,
 * else `chromium` or `chromium-browser` on the PATH. The global setup installs Debian's `chromium`
 * with apt-get when none is found and we are root; otherwise the browser tests fail (never skip) with
 * `chromiumMissingMessage`.
 */
import { aptInstall, canAptInstall, findOnPath, isExecutable } from './machine';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumSearch {
  /** The environment to read CHROMIUM_PATH and PATH from; default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** The fixed places to try before the PATH; default: Debian's. */
  fixedPaths?: readonly string[];
}

export function locateChromium(search: ChromiumSearch = {}): string | undefined {
  const env = search.env ?? process.env;
  const chosen = env.CHROMIUM_PATH?.trim();
  // A path chosen by hand is used or reported missing, never replaced by another browser.
  if (chosen) return isExecutable(chosen) ? chosen : undefined;
  for (const path of search.fixedPaths ?? [DEBIAN_CHROMIUM]) {
    if (isExecutable(path)) return path;
  }
  return findOnPath('chromium', env.PATH ?? '') ?? findOnPath('chromium-browser', env.PATH ?? '');
}

export function chromiumMissingMessage(env: NodeJS.ProcessEnv = process.env): string {
  const where = env.CHROMIUM_PATH?.trim()
    ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable`
    : `no Chromium at ${DEBIAN_CHROMIUM} nor chromium / chromium-browser on the PATH`;
  return (
    `The browser tests need Chromium: ${where}. ` +
    'Install it (Debian: sudo apt-get install -y chromium; `npm test` does it itself when run as root) ' +
    'or set CHROMIUM_PATH to a Chromium executable.'
  );
}

/** Finds Chromium, installing Debian's package when missing and allowed; undefined when still missing. */
export async function provideChromium(search: ChromiumSearch & { mayInstall?: boolean } = {}): Promise<string | undefined> {
  const found = locateChromium(search);
  if (found) return found;
  const env = search.env ?? process.env;
  if (env.CHROMIUM_PATH?.trim()) return undefined;
  if (!(search.mayInstall ?? canAptInstall(env.PATH ?? ''))) return undefined;
  try {
    await aptInstall('chromium');
  } catch (error) {
    process.stderr.write(`test setup: could not install chromium: ${(error as Error).message}\n`);
    return undefined;
  }
  return locateChromium(search);
}
