/**
 * The configuration every process serves, switched live. The store holds the number of the
 * published version; a publish tells every process on the bus (at most once, so a cheap check of
 * that number every second is the safety net). A process switches by compiling the version's files
 * (no checks: they passed at publish) and keeps the last few compiled versions, so that a call or a
 * chat that started on one finishes on it (`of(version)`).
 *
 * Without versions in the store (none yet, or the store is down at start) the repository's files
 * are served, as `files-<hash>`; they become version 1 the first time the store answers (imported
 * under the publishing lock: two processes starting together import once).
 */
import type { AppConfig } from '../config/appConfig';
import type { MessageBus } from '../domain/ports';
import type { Logger } from '../logging';
import { configVersionOf } from '../metrics/configVersion';
import { compileConfigFiles, type ConfigFiles } from './configFiles';
import type { VersionRecord, VersionStore } from './versionStore';

export interface ServedConfig {
  /** "3" for version 3 of the store; "files-…" for files read at start. */
  version: string;
  config: AppConfig;
}

export interface LiveConfig {
  current(): ServedConfig;
  /** A version by its name (a call's or a chat's); the current one when it cannot be had. */
  of(version: string | undefined): Promise<ServedConfig>;
  /** Serves a version at once (the publishing process has it compiled already) and tells the others. */
  adopt(record: VersionRecord, config: AppConfig): Promise<void>;
  /** Reads the published number and switches if it changed. */
  refresh(): Promise<void>;
  onChange(listener: (served: ServedConfig) => void): void;
  close(): Promise<void>;
}

/** A configuration that never changes (tests and tools without a store). */
export function staticConfig(config: AppConfig): LiveConfig {
  const served = { version: configVersionOf(config), config };
  return {
    current: () => served,
    of: async () => served,
    adopt: async () => undefined,
    refresh: async () => undefined,
    onChange: () => undefined,
    close: async () => undefined,
  };
}

export interface LiveConfigDeps {
  versions: VersionStore;
  bus: MessageBus;
  channel: string;
  /** The repository's files (version 1 when the store has none) and their compiled configuration. */
  files: ConfigFiles;
  filesConfig: AppConfig;
  logger: Logger;
  /** The safety-net check of the published number. */
  checkEveryMs?: number;
  /** Compiled versions kept for calls and chats in progress. */
  keep?: number;
}

/** Tries of the first read of the store at start (then the periodic check takes over). */
const START_TRIES = 3;
const IMPORT_AUTHOR = { subject: 'system:import', role: 'system' } as const;

export function createLiveConfig(deps: LiveConfigDeps): LiveConfig & { start(): Promise<void> } {
  const { versions, logger } = deps;
  const keep = deps.keep ?? 8;
  const cache = new Map<string, ServedConfig>();
  const listeners: Array<(served: ServedConfig) => void> = [];
  let served: ServedConfig = { version: configVersionOf(deps.filesConfig), config: deps.filesConfig };
  let imported = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let refreshing: Promise<void> | null = null;

  const remember = (entry: ServedConfig) => {
    cache.delete(entry.version);
    cache.set(entry.version, entry);
    while (cache.size > keep) cache.delete(cache.keys().next().value as string);
  };
  remember(served);

  const serve = (entry: ServedConfig) => {
    remember(entry);
    if (entry.version === served.version) return;
    served = entry;
    logger.info({ configVersion: entry.version }, 'configuration version served');
    for (const listener of listeners) listener(entry);
  };

  const load = async (number: number): Promise<ServedConfig | null> => {
    const known = cache.get(String(number));
    if (known) return known;
    const record = await versions.get(number);
    if (record === null) return null;
    const compiled = compileConfigFiles(await versions.files(record), { checks: false });
    if (!compiled.ok) throw new Error(`Version ${number} does not compile: ${compiled.problems.length} problems`);
    const entry = { version: String(number), config: compiled.config };
    remember(entry);
    return entry;
  };

  const importFiles = async () => {
    await versions.publishWith(async (published) => ({
      result: undefined,
      version:
        published === null
          ? { kind: 'import', author: IMPORT_AUTHOR, at: new Date().toISOString(), comment: 'Les fichiers du dépôt', basedOn: null, diff: ['Première version : les fichiers du dépôt'], files: deps.files }
          : null,
    }));
    imported = true;
  };

  const refreshNow = async () => {
    if (!imported) await importFiles();
    const number = await versions.published();
    if (number === null || String(number) === served.version) return;
    const entry = await load(number);
    if (entry) serve(entry);
  };

  const refresh = () => {
    refreshing ??= refreshNow().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const quietly = (why: string) => (error: unknown) => logger.warn({ err: error }, why);

  return {
    current: () => served,
    async of(version) {
      if (version === undefined) return served;
      const known = cache.get(version);
      if (known) return known;
      if (!/^\d+$/.test(version)) return served;
      try {
        return (await load(Number(version))) ?? served;
      } catch (error) {
        quietly('a call continues on the current configuration: its version cannot be loaded')(error);
        return served;
      }
    },
    async adopt(record, config) {
      serve({ version: String(record.number), config });
      await deps.bus.publish(deps.channel, String(record.number)).catch(quietly('studio: could not tell the other processes (they check every second)'));
    },
    refresh,
    onChange: (listener) => void listeners.push(listener),
    async start() {
      for (let attempt = 1; attempt <= START_TRIES; attempt++) {
        const failed = await refresh().then(
          () => false,
          (error: unknown) => (attempt === START_TRIES ? quietly('studio: the store does not answer, serving the repository files meanwhile')(error) : true),
        );
        if (!failed) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      unsubscribe = await deps.bus.subscribe(deps.channel, () => void refresh().catch(quietly('studio: could not switch version'))).catch((error: unknown) => {
        quietly('studio: no pub/sub, switching on the periodic check only')(error);
        return undefined;
      });
      timer = setInterval(() => void refresh().catch(quietly('studio: version check failed')), deps.checkEveryMs ?? 1000);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await unsubscribe?.();
      await refreshing?.catch(() => undefined);
    },
  };
}

/** What a process builds from a version (a call machine, a renderer…), built once per version served. */
export function perVersion<R>(build: (served: ServedConfig) => R): (served: ServedConfig) => R {
  const built = new WeakMap<AppConfig, R>();
  return (served) => {
    let result = built.get(served.config);
    if (result === undefined) {
      result = build(served);
      built.set(served.config, result);
    }
    return result;
  };
}
