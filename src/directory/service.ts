/**
 * The directory as the service holds it: a file of the configuration's versions (config/directory.yaml),
 * read from the version served, and written through the studio like the rest. An edit or an import
 * goes into a draft (`draft`: one the person made in the studio; none: a draft of its own, published
 * at once through the studio's publishing path, its checks and its proof). Each version says in French
 * what changed, a roll back restores the old entries, and a chat pinned to its version cites its own.
 * Coordinators edit the organisations of their territories, national admins any; each change is
 * audited (ids and counts, nothing else). Searching is for everyone who works on cases, in their own
 * territories.
 */
import type { AuditTrail } from '../advisors/audit';
import { actorOf, canSeeTerritory, coordinates, type Principal } from '../advisors/principal';
import { ConfigError } from '../config/configError';
import { invalidRequest } from '../http/problems';
import type { Clock } from '../domain/ports';
import { readEstablishmentsCsv, type ImportProblem } from './finess';
import { isMdph, parseDirectoryYaml } from './load';
import { OrganisationSchema, type Directory, type Organisation } from './schema';
import { findOffer, searchDirectory, type DirectoryQuery, type SearchResult } from './search';
import { editDirectoryYaml, type DirectoryEdit } from './yamlEdit';

/** The file of the configuration's versions that holds the directory. */
export const DIRECTORY_PATH = 'config/directory.yaml';

export type DirectoryOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 403 | 404 | 409 | 422; error: string; problems?: ImportProblem[]; checks?: string[] };

/** What a change wrote: the version it published, or the draft it went into (with its diff). */
export interface Written<T> {
  value: T;
  version?: number;
  draft?: unknown;
}

export interface ImportReport {
  organisations: number;
  created: number;
  replaced: number;
  /** Establishments whose category has no clear meaning: imported as `autre`, to complete. */
  unclassified: number;
  territories: string[];
}

type StudioAnswer<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409 | 422; error: string; problems?: string[] };

/** What the directory needs of the studio: its drafts and its publishing path (src/studio). */
export interface DirectoryStudio {
  createDraft(principal: Principal): Promise<StudioAnswer<{ id: string }>>;
  draftFile(principal: Principal, id: string, path: string): Promise<StudioAnswer<string>>;
  importFile(principal: Principal, id: string, path: string, text: string): Promise<StudioAnswer<unknown>>;
  deleteDraft(principal: Principal, id: string): Promise<StudioAnswer<unknown>>;
  publish(principal: Principal, draftId: string, comment: string): Promise<StudioAnswer<{ number: number }>>;
}

export interface DirectoryService {
  /** The directory of the version served now. */
  current(): Directory;
  search(principal: Principal, query: DirectoryQuery): Promise<DirectoryOutcome<SearchResult[]>>;
  organisation(principal: Principal, id: string): Promise<DirectoryOutcome<Organisation>>;
  /** Creates or replaces one organisation (the id of the path is the organisation's). */
  put(principal: Principal, organisation: unknown, draft?: string): Promise<DirectoryOutcome<Written<Organisation>>>;
  remove(principal: Principal, id: string, draft?: string): Promise<DirectoryOutcome<Written<{ removed: string }>>>;
  /** A CSV of establishments (FINESS columns), all or nothing; an establishment already there is replaced. */
  importCsv(principal: Principal, bytes: Buffer, draft?: string): Promise<DirectoryOutcome<Written<ImportReport>>>;
  /** The organisation and offer an advisor picks as a partner, if the principal may see it. */
  pick(principal: Principal, organisationId: string, offerId?: string): Promise<ReturnType<typeof findOffer>>;
}

export interface DirectoryServiceDeps {
  /** The directory of the version served now (the live configuration's). */
  published(): Directory;
  studio: DirectoryStudio;
  audit: AuditTrail;
  clock: Clock;
}

/** A change planned on a directory: the edit of its file, what to answer, what to audit, the version's comment. */
interface Planned<T> {
  edit: DirectoryEdit;
  value: T;
  audit: Parameters<AuditTrail['record']>[0];
  comment: string;
}

/** A refusal of the studio as the directory's: its problems are the configuration's checks. */
function refusalOf(answer: Extract<StudioAnswer<unknown>, { ok: false }>): DirectoryOutcome<never> {
  const { problems, ...refusal } = answer;
  return { ...refusal, ...(problems ? { checks: problems } : {}) };
}

/** Tries of a direct change when another version was published between its draft and its publication. */
const DIRECT_TRIES = 3;

export function createDirectoryService(deps: DirectoryServiceDeps): DirectoryService {
  const { studio, audit, clock } = deps;
  const current = () => deps.published();
  const same = (a: Directory, b: Directory) => JSON.stringify(a) === JSON.stringify(b);

  /** Plans the change on the draft's directory and writes it into the draft; `changed` false: nothing to write. */
  async function intoDraft<T>(principal: Principal, draft: string, plan: (directory: Directory) => DirectoryOutcome<Planned<T>>): Promise<DirectoryOutcome<Planned<T> & { changed: boolean; view?: unknown }>> {
    const file = await studio.draftFile(principal, draft, DIRECTORY_PATH);
    if (!file.ok) return refusalOf(file);
    let directory: Directory;
    try {
      directory = parseDirectoryYaml(file.value, DIRECTORY_PATH);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return { ok: false, status: 409, error: 'Le répertoire de ce brouillon a des erreurs : corrigez-les d’abord dans le studio.', checks: error.lines };
    }
    const planned = plan(directory);
    if (!planned.ok) return planned;
    const text = editDirectoryYaml(file.value, planned.value.edit);
    if (same(parseDirectoryYaml(text, DIRECTORY_PATH), directory)) return { ok: true, value: { ...planned.value, changed: false } };
    const written = await studio.importFile(principal, draft, DIRECTORY_PATH, text);
    if (!written.ok) return refusalOf(written);
    return { ok: true, value: { ...planned.value, changed: true, view: written.value } };
  }

  /**
   * Into the draft named, or into a draft of its own published at once (made again when another
   * version was published meanwhile). Audited once written.
   */
  async function change<T>(principal: Principal, draft: string | undefined, plan: (directory: Directory) => DirectoryOutcome<Planned<T>>): Promise<DirectoryOutcome<Written<T>>> {
    if (draft !== undefined) {
      const written = await intoDraft(principal, draft, plan);
      if (!written.ok) return written;
      if (written.value.changed) await audit.record({ ...written.value.audit, detail: { ...written.value.audit.detail, draft } });
      return { ok: true, value: { value: written.value.value, draft: written.value.view } };
    }
    for (let attempt = 1; ; attempt++) {
      const created = await studio.createDraft(principal);
      if (!created.ok) return refusalOf(created);
      const id = created.value.id;
      const written = await intoDraft(principal, id, plan);
      if (!written.ok || !written.value.changed) {
        await studio.deleteDraft(principal, id);
        return written.ok ? { ok: true, value: { value: written.value.value } } : written;
      }
      const published = await studio.publish(principal, id, written.value.comment);
      if (published.ok) {
        await audit.record({ ...written.value.audit, detail: { ...written.value.audit.detail, version: published.value.number } });
        return { ok: true, value: { value: written.value.value, version: published.value.number } };
      }
      await studio.deleteDraft(principal, id);
      if (published.status !== 409 || attempt >= DIRECT_TRIES) return refusalOf(published);
    }
  }

  const edits = (principal: Principal, territory: string) => coordinates(principal) && canSeeTerritory(principal, territory);
  const notYours = { ok: false as const, status: 403 as const, error: 'Vous ne coordonnez pas ce département : vous ne pouvez pas changer son répertoire.' };

  return {
    current,

    async search(principal, query) {
      if (!canSeeTerritory(principal, query.territory)) return { ok: false, status: 403, error: 'Vous ne travaillez pas pour ce département.' };
      return { ok: true, value: searchDirectory(current(), query) };
    },

    async organisation(principal, id) {
      const found = findOffer(current(), id);
      if (!found || !canSeeTerritory(principal, found.organisation.territory)) return { ok: false, status: 404, error: 'Cette organisation n’est pas dans le répertoire de vos départements.' };
      return { ok: true, value: found.organisation };
    },

    async put(principal, body, draft) {
      const parsed = OrganisationSchema.safeParse(body);
      if (!parsed.success) return { ok: false, status: 400, error: invalidRequest(parsed.error) };
      const organisation = parsed.data;
      if (!edits(principal, organisation.territory)) return notYours;
      return change(principal, draft, (directory) => {
        const before = directory.organisations.find((candidate) => candidate.id === organisation.id);
        if (before && !edits(principal, before.territory)) return notYours;
        if (before && isMdph(before) && !isMdph(organisation)) return { ok: false, status: 409, error: 'La MDPH du département garde son offre de type MDPH.' };
        return {
          ok: true,
          value: {
            edit: { put: [organisation] },
            value: organisation,
            comment: `Répertoire : ${before ? 'modification' : 'ajout'} de « ${organisation.name} » (${organisation.territory})`,
            audit: { actor: actorOf(principal), action: 'directory.update', territory: organisation.territory, detail: { organisation: organisation.id, created: before === undefined, offers: organisation.offers.length } },
          },
        };
      });
    },

    async remove(principal, id, draft) {
      return change(principal, draft, (directory) => {
        const before = directory.organisations.find((candidate) => candidate.id === id);
        if (!before || !canSeeTerritory(principal, before.territory)) return { ok: false, status: 404, error: 'Cette organisation n’est pas dans le répertoire de vos départements.' };
        if (!edits(principal, before.territory)) return notYours;
        if (isMdph(before)) return { ok: false, status: 409, error: 'La MDPH du département reste dans le répertoire, avec son offre de type MDPH. Changez plutôt ses informations.' };
        return {
          ok: true,
          value: {
            edit: { remove: [id] },
            value: { removed: id },
            comment: `Répertoire : retrait de « ${before.name} » (${before.territory})`,
            audit: { actor: actorOf(principal), action: 'directory.delete', territory: before.territory, detail: { organisation: id } },
          },
        };
      });
    },

    async importCsv(principal, bytes, draft) {
      if (!coordinates(principal)) return notYours;
      const read = readEstablishmentsCsv(bytes, clock.now().toISOString().slice(0, 10));
      if (!read.ok) return { ok: false, status: 422, error: 'Rien n’a été importé : corrigez les lignes signalées.', problems: read.problems };
      const refused = read.rows.filter((row) => !edits(principal, row.organisation.territory));
      if (refused.length > 0) {
        const problems = refused.map((row) => ({ line: row.line, message: `département ${row.organisation.territory} : vous ne coordonnez pas ce territoire` }));
        return { ok: false, status: 422, error: 'Rien n’a été importé : corrigez les lignes signalées.', problems };
      }
      const territories = [...new Set(read.rows.map((row) => row.organisation.territory))].sort();
      return change(principal, draft, (directory) => {
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
            edit: { put: [...incoming.values()] },
            value: report,
            comment: `Répertoire : import de ${report.organisations} établissements (${territories.join(', ')})`,
            audit: { actor: actorOf(principal), action: 'directory.import', detail: { organisations: report.organisations, created: report.created, replaced: report.replaced, territories } },
          },
        };
      });
    },

    async pick(principal, organisationId, offerId) {
      const found = findOffer(current(), organisationId, offerId);
      return found && canSeeTerritory(principal, found.organisation.territory) ? found : undefined;
    },
  };
}
