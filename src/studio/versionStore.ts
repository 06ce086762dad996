/**
 * The configuration's versions in the store: immutable, numbered records (author, time, comment, diff)
 * naming their files by hash (an unchanged file is stored once), and the number of the published one.
 * Publishing is one SET of that number; a version is written before it is published. Versions hold
 * no personal data: the TTL is long (the port asks for one) and every publish renews the published
 * version's own keys.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import { withStoreLock } from '../storage/lock';
import { ROLES } from '../advisors/principal';
import type { ConfigFiles } from './configFiles';

/** Ten years: versions are the service's history, not personal data. */
const VERSION_TTL_SECONDS = 10 * 366 * 24 * 3600;
/**
 * The publishing lock: a publish compiles and checks the files (about a second) inside it. A lock
 * whose SET answered too late for its caller is nobody's: it frees itself after `seconds`.
 */
const PUBLISH_LOCK = { seconds: 10, tries: 150, waitMs: 100 };
/** The versions listed at most (the newest first). */
export const VERSION_LIST_LIMIT = 100;

export const AuthorSchema = z.strictObject({ subject: z.string().min(1).max(255), role: z.enum([...ROLES, 'system']), name: z.string().max(200).optional() });
export type Author = z.output<typeof AuthorSchema>;

export const VERSION_KINDS = ['import', 'publish', 'rollback', 'emergency'] as const;

export const VersionRecordSchema = z.strictObject({
  number: z.number().int().min(1),
  kind: z.enum(VERSION_KINDS),
  author: AuthorSchema,
  at: z.iso.datetime({ offset: true }),
  comment: z.string().max(500),
  /** The version it was made from (null for the first one). */
  basedOn: z.number().int().min(1).nullable(),
  /** The readable changes against the version before it, in French. */
  diff: z.array(z.string()),
  /** Path in CONFIG_DIR → SHA-256 of the text. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type VersionRecord = z.output<typeof VersionRecordSchema>;
export type VersionSummary = Omit<VersionRecord, 'files'>;

export const summaryOf = ({ files: _files, ...summary }: VersionRecord): VersionSummary => summary;

export function hashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class VersionStoreBusyError extends Error {
  constructor() {
    super('Une autre publication est en cours. Réessayez dans quelques secondes.');
    this.name = 'VersionStoreBusyError';
  }
}

export interface NewVersion {
  kind: VersionRecord['kind'];
  author: Author;
  at: string;
  comment: string;
  basedOn: number | null;
  diff: string[];
  files: ConfigFiles;
}

export interface VersionStore {
  /** The number of the published version; null when the store has none yet. */
  published(): Promise<number | null>;
  get(number: number): Promise<VersionRecord | null>;
  files(record: VersionRecord): Promise<ConfigFiles>;
  list(): Promise<VersionSummary[]>;
  /**
   * Under the publishing lock: `make` sees the published version (null: none) and says what to publish
   * (or null: nothing); the version is written, then published by one SET. Returns what `make` returned.
   */
  publishWith<T>(make: (published: VersionRecord | null) => Promise<{ version: NewVersion | null; result: T }>): Promise<{ published: VersionRecord | null; result: T }>;
}

export function createVersionStore(store: KeyValueStore, keys: StoreKeys): VersionStore {
  const get = async (number: number): Promise<VersionRecord | null> => {
    const raw = await store.get(keys.studioVersion(number));
    if (raw === null) return null;
    return VersionRecordSchema.parse(JSON.parse(raw));
  };
  const published = async (): Promise<number | null> => {
    const raw = await store.get(keys.studioPublished());
    return raw === null ? null : Number(raw);
  };
  const write = async (version: NewVersion): Promise<VersionRecord> => {
    const hashes: Record<string, string> = {};
    for (const [path, text] of Object.entries(version.files)) {
      const hash = hashOf(text);
      hashes[path] = hash;
      await store.set(keys.studioFile(hash), text, VERSION_TTL_SECONDS);
    }
    const number = await store.incr(keys.studioVersionCounter());
    const record = VersionRecordSchema.parse({ ...version, number, files: hashes });
    await store.set(keys.studioVersion(number), JSON.stringify(record), VERSION_TTL_SECONDS);
    return record;
  };
  return {
    published,
    get,
    async files(record) {
      const entries = await Promise.all(
        Object.entries(record.files).map(async ([path, hash]) => {
          const text = await store.get(keys.studioFile(hash));
          if (text === null) throw new Error(`Version ${record.number}: a file is missing from the store`);
          return [path, text] as const;
        }),
      );
      return Object.fromEntries(entries);
    },
    async list() {
      const last = await published();
      const counter = Number((await store.get(keys.studioVersionCounter())) ?? last ?? 0);
      const numbers = Array.from({ length: Math.min(counter, VERSION_LIST_LIMIT) }, (_, i) => counter - i);
      const records = await Promise.all(numbers.map(get));
      return records.flatMap((record) => (record === null ? [] : [summaryOf(record)]));
    },
    publishWith(make) {
      return withStoreLock(store, keys.lock('studio', 'publish'), PUBLISH_LOCK, () => new VersionStoreBusyError(), async () => {
        const number = await published();
        const current = number === null ? null : await get(number);
        const { version, result } = await make(current);
        if (version === null) return { published: null, result };
        const record = await write(version);
        await store.set(keys.studioPublished(), String(record.number), VERSION_TTL_SECONDS);
        return { published: record, result };
      });
    },
  };
}
