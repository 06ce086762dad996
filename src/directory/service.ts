/**
 * The directory as the service holds it: the shipped value (config/directory.yaml) until a
 * coordinator edits it, then the edited value in the store (one key, read by every process).
 * Coordinators edit the organisations of their territories, national admins any; each change is
 * audited (ids and counts, nothing else). Searching is for everyone who works on cases, in their
 * own territories.
 */
import type { AuditTrail } from '../advisors/audit';
import { actorOf, canSeeTerritory, coordinates, type Principal } from '../advisors/principal';
import type { Clock, KeyValueStore } from '../domain/ports';
import type { Logger } from '../logging';
import { withStoreLock } from '../storage/lock';
import type { StoreKeys } from '../storage/keys';
import { readEstablishmentsCsv, type ImportProblem } from './finess';
import { isMdph } from './load';
import { DirectorySchema, OrganisationSchema, type Directory, type Organisation } from './schema';
import { findOffer, searchDirectory, type DirectoryQuery, type SearchResult } from './search';

export type DirectoryOutcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409 | 422; error: string; problems?: ImportProblem[] };

export interface ImportReport {
  organisations: number;
  created: number;
  replaced: number;
  /** Establishments whose category has no clear meaning: imported as `autre`, to complete. */
  unclassified: number;
  territories: string[];
}

export interface DirectoryService {
  /** The directory in force: the edited one, else the shipped one. */
  current(): Promise<Directory>;
  /** The directory this process last read (the shipped one before any read): for what cannot wait on the store (the whisper). */
  lastKnown(): Directory;
  search(principal: Principal, query: DirectoryQuery): Promise<DirectoryOutcome<SearchResult[]>>;
  organisation(principal: Principal, id: string): Promise<DirectoryOutcome<Organisation>>;
  /** Creates or replaces one organisation (the id of the path is the organisation's). */
  put(principal: Principal, organisation: unknown): Promise<DirectoryOutcome<Organisation>>;
  remove(principal: Principal, id: string): Promise<DirectoryOutcome<{ removed: string }>>;
  /** A CSV of establishments (FINESS columns), all or nothing; an establishment already there is replaced. */
  importCsv(principal: Principal, bytes: Buffer): Promise<DirectoryOutcome<ImportReport>>;
  /** The organisation and offer an advisor picks as a partner, if the principal may see it. */
  pick(principal: Principal, organisationId: string, offerId?: string): Promise<ReturnType<typeof findOffer>>;
}

export interface DirectoryServiceDeps {
  store: KeyValueStore;
  keys: StoreKeys;
  /** config/directory.yaml as loaded at start. */
  shipped: Directory;
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
}

/** The edited directory holds no personal data; the key lives long and is renewed by every edit. */
const DIRECTORY_TTL_SECONDS = 10 * 365 * 24 * 3600;
const LOCK = { seconds: 10, tries: 40, waitMs: 50 };

export class DirectoryBusyError extends Error {
  constructor() {
    super('The directory is being changed by someone else, try again');
    this.name = 'DirectoryBusyError';
  }
}

export function createDirectoryService(deps: DirectoryServiceDeps): DirectoryService {
  const { store, keys, audit, clock, logger } = deps;

  let lastKnown = deps.shipped;
  // The stored text last read and its checked value: a chat answer, a hand-off or a search reads the
  // directory each time (another process may have changed it), and checks it again only when it did.
  let lastRead: { raw: string; directory: Directory } | null = null;

  async function read(): Promise<Directory> {
    const raw = await store.get(keys.directory());
    if (raw === null) return deps.shipped;
    if (lastRead?.raw === raw) return lastRead.directory;
    const parsed = DirectorySchema.safeParse(JSON.parse(raw));
    if (parsed.success) {
      lastRead = { raw, directory: parsed.data };
      return parsed.data;
    }
    logger.error({ issues: parsed.error.issues.length }, 'directory: the stored directory is not valid; the shipped one is used');
    return deps.shipped;
  }

  async function current(): Promise<Directory> {
    lastKnown = await read();
    return lastKnown;
  }

  /** Reads, changes and writes the directory under a lock; the change says what to audit. */
  async function change<T>(principal: Principal, work: (directory: Directory) => DirectoryOutcome<{ next: Directory; value: T; audit: Parameters<AuditTrail['record']>[0] }>): Promise<DirectoryOutcome<T>> {
    return withStoreLock(store, keys.lock('directory', 'all'), LOCK, () => new DirectoryBusyError(), async () => {
      const outcome = work(await current());
      if (!outcome.ok) return outcome;
      const next = DirectorySchema.safeParse(outcome.value.next);
      if (!next.success) return { ok: false, status: 400, error: next.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
      await store.set(keys.directory(), JSON.stringify(next.data), DIRECTORY_TTL_SECONDS);
      lastKnown = next.data;
      await audit.record(outcome.value.audit);
      return { ok: true, value: outcome.value.value };
    });
  }

  const edits = (principal: Principal, territory: string) => coordinates(principal) && canSeeTerritory(principal, territory);
  const notYours = { ok: false as const, status: 403 as const, error: 'Only a coordinator of this territory or a national admin edits its directory' };

  return {
    current,
    lastKnown: () => lastKnown,

    async search(principal, query) {
      if (!canSeeTerritory(principal, query.territory)) return { ok: false, status: 403, error: 'You do not work for this territory' };
      return { ok: true, value: searchDirectory(await current(), query) };
    },

    async organisation(principal, id) {
      const found = findOffer(await current(), id);
      if (!found || !canSeeTerritory(principal, found.organisation.territory)) return { ok: false, status: 404, error: 'No such organisation in your territories' };
      return { ok: true, value: found.organisation };
    },

    async put(principal, body) {
      const parsed = OrganisationSchema.safeParse(body);
      if (!parsed.success) return { ok: false, status: 400, error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
      const organisation = parsed.data;
      if (!edits(principal, organisation.territory)) return notYours;
      return change(principal, (directory) => {
        const before = directory.organisations.find((candidate) => candidate.id === organisation.id);
        if (before && !edits(principal, before.territory)) return notYours;
        if (before && isMdph(before) && !isMdph(organisation)) return { ok: false, status: 409, error: 'The MDPH of a département keeps its offer of type mdph' };
        const organisations = before ? directory.organisations.map((candidate) => (candidate === before ? organisation : candidate)) : [...directory.organisations, organisation];
        return {
          ok: true,
          value: {
            next: { organisations },
            value: organisation,
            audit: { actor: actorOf(principal), action: 'directory.update', territory: organisation.territory, detail: { organisation: organisation.id, created: before === undefined, offers: organisation.offers.length } },
          },
        };
      });
    },

    async remove(principal, id) {
      return change(principal, (directory) => {
        const before = directory.organisations.find((candidate) => candidate.id === id);
        if (!before || !canSeeTerritory(principal, before.territory)) return { ok: false, status: 404, error: 'No such organisation in your territories' };
        if (!edits(principal, before.territory)) return notYours;
        if (isMdph(before)) return { ok: false, status: 409, error: 'The MDPH of a département stays in the directory: change its details instead' };
        return {
          ok: true,
          value: {
            next: { organisations: directory.organisations.filter((candidate) => candidate !== before) },
            value: { removed: id },
            audit: { actor: actorOf(principal), action: 'directory.delete', territory: before.territory, detail: { organisation: id } },
          },
        };
      });
    },

    async importCsv(principal, bytes) {
      if (!coordinates(principal)) return notYours;
      const read = readEstablishmentsCsv(bytes, clock.now().toISOString().slice(0, 10));
      if (!read.ok) return { ok: false, status: 422, error: 'Rien n’a été importé : corrigez les lignes signalées.', problems: read.problems };
      const refused = read.rows.filter((row) => !edits(principal, row.organisation.territory));
      if (refused.length > 0) {
        const problems = refused.map((row) => ({ line: row.line, message: `département ${row.organisation.territory} : vous ne coordonnez pas ce territoire` }));
        return { ok: false, status: 422, error: 'Rien n’a été importé : corrigez les lignes signalées.', problems };
      }
      const territories = [...new Set(read.rows.map((row) => row.organisation.territory))].sort();
      return change(principal, (directory) => {
        const incoming = new Map(read.rows.map((row) => [row.organisation.id, row.organisation]));
        const kept = directory.organisations.filter((organisation) => !incoming.has(organisation.id));
        const report: ImportReport = {
          organisations: incoming.size,
          created: incoming.size - (directory.organisations.length - kept.length),
          replaced: directory.organisations.length - kept.length,
          unclassified: read.rows.filter((row) => row.unmapped).length,
          territories,
        };
        return {
          ok: true,
          value: {
            next: { organisations: [...kept, ...incoming.values()] },
            value: report,
            audit: { actor: actorOf(principal), action: 'directory.import', detail: { organisations: report.organisations, created: report.created, replaced: report.replaced, territories } },
          },
        };
      });
    },

    async pick(principal, organisationId, offerId) {
      const found = findOffer(await current(), organisationId, offerId);
      return found && canSeeTerritory(principal, found.organisation.territory) ? found : undefined;
    },
  };
}
