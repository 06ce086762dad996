/**
 * A version of the configuration is the text of every YAML file of CONFIG_DIR (config/, flows/,
 * prompts/, content/), by its path in that folder. Compiling a version writes its files to a private
 * temporary folder and reads them with the very loaders and checks of the start and of
 * `npm run config:check`: same rules, same line-numbered errors, one place that knows them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { COORDINATOR_FOLDERS, loadAppConfig, type AppConfig } from '../config/appConfig';
import { ConfigError } from '../config/configError';
import { CONFIG_CHECKS, runConfigChecks } from '../config/configChecks';

/** Path inside CONFIG_DIR (always with "/") → the file's text. */
export type ConfigFiles = Readonly<Record<string, string>>;

/** The longest file a version may hold (the largest shipped one is about 110 kB). */
export const MAX_FILE_BYTES = 1_000_000;
/** A file of a version: one of the four folders, then names of letters, digits, - and _, ending in .yaml. */
export const CONFIG_FILE_PATH = /^(config|flows|prompts|content)(\/[a-z0-9_-]+)*\/[a-z0-9_-]+\.yaml$/i;

function yamlFilesUnder(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.yaml')) found.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(join(root, folder));
  return found;
}

/** Every YAML file of a CONFIG_DIR (the repository's files are version 1). */
export function readConfigFiles(configDir: string): ConfigFiles {
  const paths = COORDINATOR_FOLDERS.flatMap((folder) => yamlFilesUnder(configDir, folder)).sort();
  return Object.fromEntries(paths.map((path) => [path, readFileSync(join(configDir, path), 'utf8')]));
}

function writeConfigFiles(files: ConfigFiles, dir: string): void {
  for (const folder of COORDINATOR_FOLDERS) mkdirSync(join(dir, folder), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    if (!CONFIG_FILE_PATH.test(path)) throw new ConfigError(path, [{ path: '(file)', message: 'not a file of the configuration' }]);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, 'utf8');
  }
}

function withFilesOnDisk<T>(files: ConfigFiles, work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'o360-version-'));
  try {
    writeConfigFiles(files, dir);
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Error lines name the file by its path in CONFIG_DIR, never the temporary folder. */
function withoutFolder(lines: readonly string[], dir: string): string[] {
  return lines.map((line) => line.split(`${dir}${sep}`).join('').split(dir).join('.'));
}

export type Compiled = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/**
 * The AppConfig of these files, after every check of `npm run config:check` (checks: false skips
 * them, for a version that passed them when it was published).
 */
/** The checks of `npm run config:check` but the proof: the studio proves a version itself, once, before publishing. */
const FILE_CHECKS = CONFIG_CHECKS.filter((check) => check.name !== 'proof');

export function compileConfigFiles(files: ConfigFiles, options: { checks: boolean } = { checks: true }): Compiled {
  return withFilesOnDisk(files, (dir) => {
    if (options.checks) {
      const problems = runConfigChecks(dir, FILE_CHECKS).flatMap((result) => result.errors);
      if (problems.length > 0) return { ok: false, problems: withoutFolder(problems, dir) };
    }
    try {
      return { ok: true, config: loadAppConfig(dir) };
    } catch (error) {
      const lines = error instanceof ConfigError ? error.lines : [error instanceof Error ? error.message : String(error)];
      return { ok: false, problems: withoutFolder(lines, dir) };
    }
  });
}
