/**
 * The studio's use cases on versions and drafts: read the versions and their diffs, export one as
 * YAML, make a draft from the published version, change it by parts or by importing a file, check
 * it. Publishing, rolling back and the emergency switches are in publishing.ts.
 */
import type { Principal } from '../advisors/principal';
import { actorOf } from '../advisors/principal';
import type { AuditTrail } from '../advisors/audit';
import type { AppConfig } from '../config/appConfig';
import type { Clock } from '../domain/ports';
import { compileConfigFiles, CONFIG_FILE_PATH, MAX_FILE_BYTES, type ConfigFiles } from './configFiles';
import { changesSafetyNumbers, touchedScopes, versionDiff, TERRITORIES_PATH } from './diff';
import type { Draft, DraftStore } from './drafts';
import { editNational, editTerritory, EditError, type NationalEdit, type TerritoryEdit } from './edits';
import { editsStudio, readsStudio, refusalOf } from './permissions';
import { proofFindingOf, type ProofFinding } from './prove';
import type { ProofPool } from './proofPool';
import type { FilesProof } from './proveFiles';
import type { Author, VersionRecord, VersionStore, VersionSummary } from './versionStore';

export type StudioOutcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409 | 422; error: string; problems?: string[] };

export const refused = (status: 400 | 403 | 404 | 409 | 422, error: string, problems?: string[]): StudioOutcome<never> => ({
  ok: false,
  status,
  error,
  ...(problems ? { problems } : {}),
});
export const done = <T>(value: T): StudioOutcome<T> => ({ ok: true, value });

/** The refusals several use cases give, in French. */
export const NOT_EDITABLE = refused(403, 'Votre rôle permet de lire le studio, pas de le modifier.');
export const NO_SUCH_DRAFT = refused(404, 'Ce brouillon n’existe pas (ou plus : 30 jours sans changement).');
export const NOTHING_PUBLISHED = refused(409, 'Aucune version n’est encore publiée : le service importe les fichiers au démarrage.');

export interface StudioDeps {
  versions: VersionStore;
  drafts: DraftStore;
  audit: AuditTrail;
  clock: Clock;
  /** The proof worker: the checks and the proof run off the event loop. */
  proofs: Pick<ProofPool, 'prove'>;
}

export interface DraftView {
  id: string;
  basedOn: number;
  author: Author;
  updatedAt: string;
  revision: number;
  files: string[];
  diff: string[];
  approvals: Draft['approvals'];
  /** It changes emergency numbers: a second national admin approves its last revision before it is published. */
  needsApproval: boolean;
}

export interface CheckResult {
  /** The configuration's checks (`npm run config:check`), one line per problem with its file and line. */
  problems: string[];
  findings: readonly ProofFinding[];
  publishable: boolean;
}

export function authorOf(principal: Principal): Author {
  return actorOf(principal);
}

export function createStudio(deps: StudioDeps) {
  const { versions, drafts, clock } = deps;
  const now = () => clock.now().toISOString();
  const NOT_READABLE = refused(403, 'Votre rôle ne donne pas accès au studio.');

  const filesOfDraft = async (draft: Draft): Promise<{ base: ConfigFiles; files: ConfigFiles }> => {
    const record = await versions.get(draft.basedOn);
    if (record === null) throw new Error(`Draft ${draft.id}: its base version ${draft.basedOn} is missing`);
    const base = await versions.files(record);
    return { base, files: { ...base, ...draft.changes } };
  };

  const viewOf = async (draft: Draft): Promise<DraftView> => {
    const { base, files } = await filesOfDraft(draft);
    const { id, basedOn, author, updatedAt, revision, approvals } = draft;
    return { id, basedOn, author, updatedAt, revision, approvals, files: Object.keys(draft.changes).sort(), diff: versionDiff(base, files), needsApproval: changesSafetyNumbers(base, files) };
  };

  /** The draft, if the principal may see it (readers: every draft; it holds no personal data). */
  const draftFor = async (principal: Principal, id: string): Promise<StudioOutcome<Draft>> => {
    if (!readsStudio(principal)) return NOT_READABLE;
    const draft = await drafts.get(id);
    return draft === null ? NO_SUCH_DRAFT : done(draft);
  };

  /** The checks of `npm run config:check`, then the proof (in the proof worker). */
  const checkFiles = async (files: ConfigFiles): Promise<CheckResult> => {
    const proof = await deps.proofs.prove(files, { checks: true });
    if (!proof.compiled) return { problems: proof.problems, findings: [], publishable: false };
    const findings = proof.findings.map(proofFindingOf);
    return { problems: [], findings, publishable: !findings.some((finding) => finding.blocking) };
  };

  /** Writes one file of a draft, if the principal may make the whole change it adds up to. */
  const change = async (principal: Principal, id: string, path: string, edit: (text: string | undefined) => string): Promise<StudioOutcome<DraftView>> => {
    if (!editsStudio(principal)) return NOT_EDITABLE;
    const found = await draftFor(principal, id);
    if (!found.ok) return found;
    const draft = found.value;
    const { base, files } = await filesOfDraft(draft);
    let text: string;
    try {
      text = edit(files[path]);
    } catch (error) {
      if (error instanceof EditError) return refused(400, error.message);
      throw error;
    }
    const next = { ...files, [path]: text };
    const refusal = refusalOf(principal, touchedScopes(base, next));
    if (refusal !== null) return refused(403, refusal);
    const changes = { ...draft.changes, [path]: text };
    if (base[path] === text) delete changes[path];
    const saved: Draft = { ...draft, changes, revision: draft.revision + 1, updatedAt: now() };
    await drafts.save(saved);
    await deps.audit.record({ actor: actorOf(principal), action: 'studio.draft_edit', detail: { draft: id, file: path, revision: saved.revision } });
    return done(await viewOf(saved));
  };

  return {
    async listVersions(principal: Principal): Promise<StudioOutcome<{ published: number | null; versions: VersionSummary[] }>> {
      if (!readsStudio(principal)) return NOT_READABLE;
      return done({ published: await versions.published(), versions: await versions.list() });
    },

    async version(principal: Principal, number: number): Promise<StudioOutcome<VersionRecord & { published: boolean }>> {
      if (!readsStudio(principal)) return NOT_READABLE;
      const record = await versions.get(number);
      if (record === null) return refused(404, `La version ${number} n’existe pas.`);
      return done({ ...record, published: (await versions.published()) === number });
    },

    /** One file of a version, as YAML (the export). */
    async exportFile(principal: Principal, number: number, path: string): Promise<StudioOutcome<string>> {
      if (!readsStudio(principal)) return NOT_READABLE;
      const record = await versions.get(number);
      if (record === null) return refused(404, `La version ${number} n’existe pas.`);
      const text = record.files[path] === undefined ? undefined : (await versions.files(record))[path];
      return text === undefined ? refused(404, `La version ${number} n’a pas de fichier ${path}.`) : done(text);
    },

    /** One file of a draft, as it would be published (the export of a draft). */
    async exportDraftFile(principal: Principal, id: string, path: string): Promise<StudioOutcome<string>> {
      const found = await draftFor(principal, id);
      if (!found.ok) return found;
      const text = (await filesOfDraft(found.value)).files[path];
      return text === undefined ? refused(404, `Le brouillon n’a pas de fichier ${path}.`) : done(text);
    },

    async createDraft(principal: Principal): Promise<StudioOutcome<DraftView>> {
      if (!editsStudio(principal)) return NOT_EDITABLE;
      const basedOn = await versions.published();
      if (basedOn === null) return NOTHING_PUBLISHED;
      const draft: Draft = { id: drafts.newId(), basedOn, author: authorOf(principal), createdAt: now(), updatedAt: now(), revision: 0, changes: {}, approvals: [] };
      await drafts.save(draft);
      return done(await viewOf(draft));
    },

    async draft(principal: Principal, id: string): Promise<StudioOutcome<DraftView>> {
      const found = await draftFor(principal, id);
      return found.ok ? done(await viewOf(found.value)) : found;
    },

    async deleteDraft(principal: Principal, id: string): Promise<StudioOutcome<{ deleted: string }>> {
      if (!editsStudio(principal)) return NOT_EDITABLE;
      const found = await draftFor(principal, id);
      if (!found.ok) return found;
      await drafts.remove(id);
      return done({ deleted: id });
    },

    editTerritory: (principal: Principal, id: string, code: string, edit: TerritoryEdit) =>
      change(principal, id, TERRITORIES_PATH, (text) => editTerritory(text ?? '', code, edit)),

    editNational: (principal: Principal, id: string, edit: NationalEdit) => change(principal, id, TERRITORIES_PATH, (text) => editNational(text ?? '', edit)),

    /** Imports one YAML file into the draft (its checks run at `check` and at publish, with line numbers). */
    importFile(principal: Principal, id: string, path: string, text: string): Promise<StudioOutcome<DraftView>> {
      if (!CONFIG_FILE_PATH.test(path)) return Promise.resolve(refused(400, 'Le fichier doit être un .yaml des dossiers config/, flows/, prompts/ ou content/.'));
      if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) return Promise.resolve(refused(400, 'Le fichier est trop grand (1 Mo au plus).'));
      return change(principal, id, path, () => text);
    },

    /** One file of a draft as it stands (its changes over its base version); 404 when it has none by that path. */
    async draftFile(principal: Principal, id: string, path: string): Promise<StudioOutcome<string>> {
      const found = await draftFor(principal, id);
      if (!found.ok) return found;
      const text = (await filesOfDraft(found.value)).files[path];
      return text === undefined ? refused(404, `Le brouillon n’a pas de fichier ${path}.`) : done(text);
    },

    /** The checks of `npm run config:check`, then the proof, on the draft. */
    async check(principal: Principal, id: string): Promise<StudioOutcome<CheckResult>> {
      const found = await draftFor(principal, id);
      if (!found.ok) return found;
      return done(await checkFiles((await filesOfDraft(found.value)).files));
    },

    checkFiles,

    filesOfDraft,

    /** The proof of a draft as it is (the checks of `config:check` aside), in the proof worker; null when there is no such draft. */
    async proveDraft(id: string): Promise<FilesProof | null> {
      const draft = await drafts.get(id);
      return draft === null ? null : deps.proofs.prove((await filesOfDraft(draft)).files, { checks: false });
    },

    /**
     * The configuration of a version ("3") or a draft ("D-…"), for a trial run (src/studio/trial/);
     * null when it does not exist or does not compile.
     */
    async loadVersionConfig(id: string): Promise<AppConfig | null> {
      let files: ConfigFiles | null = null;
      if (/^\d+$/.test(id)) {
        const record = await versions.get(Number(id));
        files = record === null ? null : await versions.files(record);
      } else {
        const draft = await drafts.get(id);
        files = draft === null ? null : (await filesOfDraft(draft)).files;
      }
      if (files === null) return null;
      const compiled = compileConfigFiles(files, { checks: false });
      return compiled.ok ? compiled.config : null;
    },
  };
}

export type Studio = ReturnType<typeof createStudio>;
