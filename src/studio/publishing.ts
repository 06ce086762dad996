/**
 * Publishing, rolling back, and the two emergency switches (crisis, a territory's exceptional
 * closure). Each makes a new immutable version under the publishing lock, publishes it with one SET,
 * serves it at once in this process and tells the others (src/studio/liveConfig.ts); each is audited.
 *
 * - A draft made from an older version is published over the current one when the files it changes
 *   did not change meanwhile (else: refused, make a new draft).
 * - A change of the emergency numbers (content/fr/safety.yaml) needs the approval of a second
 *   national admin, for the draft's last revision. A roll back restores numbers published before:
 *   it needs none.
 * - The switches go through no draft: one call, a confirmation and a reason.
 */
import type { AuditAction, AuditTrail } from '../advisors/audit';
import { actorOf, type Principal } from '../advisors/principal';
import type { AppConfig } from '../config/appConfig';
import type { Clock } from '../domain/ports';
import { compileConfigFiles, type ConfigFiles } from './configFiles';
import { changesSafetyNumbers, touchedScopes, versionDiff, TERRITORIES_PATH } from './diff';
import type { Draft, DraftStore } from './drafts';
import { editNational, editTerritory } from './edits';
import type { LiveConfig } from './liveConfig';
import { editsStudio, mayApprove, mayCloseTerritory, mayUseCrisisSwitch, refusalOf } from './permissions';
import { authorOf, done, NO_SUCH_DRAFT, NOT_EDITABLE, NOTHING_PUBLISHED, refused, type CheckResult, type Studio, type StudioOutcome } from './studio';
import { summaryOf, type VersionRecord, type VersionStore, type VersionSummary } from './versionStore';

export interface PublishingDeps {
  studio: Studio;
  versions: VersionStore;
  drafts: DraftStore;
  live: LiveConfig;
  audit: AuditTrail;
  clock: Clock;
}

/** A second national admin approved the draft's last revision. */
function approvedByAnother(draft: Draft, principal: Principal): boolean {
  return draft.approvals.some((approval) => approval.revision === draft.revision && approval.subject !== principal.subject);
}

type Plan = StudioOutcome<{ files: ConfigFiles; config: AppConfig; comment: string; detail?: Record<string, string | number | boolean> }>;

export function createPublishing(deps: PublishingDeps) {
  const { versions, drafts, studio, clock } = deps;

  /** The version `plan` makes from the published one, published; audited as `action`. */
  const publishChange = async (
    principal: Principal,
    kind: VersionRecord['kind'],
    action: AuditAction,
    plan: (current: VersionRecord, currentFiles: ConfigFiles) => Promise<Plan>,
  ): Promise<StudioOutcome<VersionSummary>> => {
    let made: Plan | undefined;
    const { published } = await versions.publishWith(async (current) => {
      if (current === null) {
        made = NOTHING_PUBLISHED;
        return { version: null, result: undefined };
      }
      const currentFiles = await versions.files(current);
      made = await plan(current, currentFiles);
      if (!made.ok) return { version: null, result: undefined };
      const { files, comment } = made.value;
      const diff = versionDiff(currentFiles, files);
      if (diff.length === 0) {
        made = refused(409, 'Rien à publier : cette version est déjà celle du service.');
        return { version: null, result: undefined };
      }
      return { version: { kind, author: authorOf(principal), at: clock.now().toISOString(), comment, basedOn: current.number, diff, files }, result: undefined };
    });
    if (made === undefined || !made.ok) return made ?? refused(409, 'Rien à publier.');
    if (published === null) return refused(409, 'Rien à publier.');
    await deps.live.adopt(published, made.value.config);
    await deps.audit.record({ actor: actorOf(principal), action, detail: { version: published.number, basedOn: published.basedOn ?? 0, ...made.value.detail } });
    return done(summaryOf(published));
  };

  /**
   * The checks and the proof take seconds (in the proof worker): run before the publishing lock, on
   * the files the draft makes from the version published now. Under the lock they count only if
   * neither that version nor the draft changed meanwhile (else they run again there).
   */
  const checkedEarly = async (principal: Principal, draftId: string): Promise<{ version: number; revision: number; checked: CheckResult } | null> => {
    if (!editsStudio(principal)) return null;
    const [number, draft] = await Promise.all([versions.published(), drafts.get(draftId)]);
    const record = number === null ? null : await versions.get(number);
    if (draft === null || record === null) return null;
    const currentFiles = await versions.files(record);
    const files = { ...currentFiles, ...draft.changes };
    // No proof for a publish that will be refused anyway.
    if (refusalOf(principal, touchedScopes(currentFiles, files)) !== null) return null;
    if (changesSafetyNumbers(currentFiles, files) && !approvedByAnother(draft, principal)) return null;
    return { version: record.number, revision: draft.revision, checked: await studio.checkFiles(files) };
  };

  /** Compiles files that only an emergency switch changed (the schemas still run; the slower checks passed at publish). */
  const compiledSwitch = (files: ConfigFiles, comment: string, detail: Record<string, string | boolean>): Plan => {
    const compiled = compileConfigFiles(files, { checks: false });
    return compiled.ok ? done({ files, config: compiled.config, comment, detail }) : refused(422, 'Ce changement rend la configuration invalide.', compiled.problems);
  };

  return {
    async publish(principal: Principal, draftId: string, comment: string): Promise<StudioOutcome<VersionSummary>> {
      const early = await checkedEarly(principal, draftId);
      return publishChange(principal, 'publish', 'studio.publish', async (current, currentFiles) => {
        if (!editsStudio(principal)) return NOT_EDITABLE;
        const draft = await drafts.get(draftId);
        if (draft === null) return NO_SUCH_DRAFT;
        const { base } = await studio.filesOfDraft(draft);
        const moved = Object.keys(draft.changes).filter((path) => currentFiles[path] !== base[path]);
        if (moved.length > 0) {
          return refused(409, `La version ${current.number} a été publiée depuis votre brouillon et change aussi ${moved.join(', ')}. Faites un nouveau brouillon.`);
        }
        const files = { ...currentFiles, ...draft.changes };
        const refusal = refusalOf(principal, touchedScopes(currentFiles, files));
        if (refusal !== null) return refused(403, refusal);
        if (changesSafetyNumbers(currentFiles, files)) {
          if (!approvedByAnother(draft, principal)) return refused(409, 'Ce brouillon change des numéros d’urgence : un second administrateur national doit l’approuver avant la publication.');
        }
        const checked = early?.version === current.number && early.revision === draft.revision ? early.checked : await studio.checkFiles(files);
        if (checked.problems.length > 0) return refused(422, 'La configuration a des erreurs : corrigez-les avant de publier.', checked.problems);
        if (!checked.publishable) {
          return refused(422, 'La preuve a trouvé un problème bloquant.', checked.findings.filter((finding) => finding.blocking).map((finding) => finding.message));
        }
        // Checked and proved in the worker; this process compiles it to serve it, as the others do.
        const compiled = compileConfigFiles(files, { checks: false });
        if (!compiled.ok) return refused(422, 'La configuration a des erreurs : corrigez-les avant de publier.', compiled.problems);
        return done({ files, config: compiled.config, comment, detail: { draft: draftId } });
      }).then(async (outcome) => {
        if (outcome.ok) await drafts.remove(draftId);
        return outcome;
      });
    },

    async approve(principal: Principal, draftId: string): Promise<StudioOutcome<{ draft: string; revision: number }>> {
      if (!mayApprove(principal)) return refused(403, 'Seul un administrateur national peut approuver.');
      const draft = await drafts.get(draftId);
      if (draft === null) return NO_SUCH_DRAFT;
      if (draft.author.subject === principal.subject) return refused(403, 'L’approbation doit venir d’une autre personne que l’auteur du brouillon.');
      const at = clock.now().toISOString();
      await drafts.save({ ...draft, approvals: [...draft.approvals, { subject: principal.subject, revision: draft.revision, at }] });
      await deps.audit.record({ actor: actorOf(principal), action: 'studio.approve', detail: { draft: draftId, revision: draft.revision } });
      return done({ draft: draftId, revision: draft.revision });
    },

    rollback(principal: Principal, to: number, comment: string): Promise<StudioOutcome<VersionSummary>> {
      return publishChange(principal, 'rollback', 'studio.rollback', async (_current, currentFiles) => {
        const target = await versions.get(to);
        if (target === null) return refused(404, `La version ${to} n’existe pas.`);
        const files = await versions.files(target);
        const refusal = refusalOf(principal, touchedScopes(currentFiles, files));
        if (refusal !== null) return refused(403, refusal);
        const compiled = compileConfigFiles(files, { checks: false });
        if (!compiled.ok) return refused(422, `La version ${to} ne se charge plus.`, compiled.problems);
        return done({ files, config: compiled.config, comment: `Retour à la version ${to}${comment ? ` : ${comment}` : ''}`, detail: { to } });
      });
    },

    crisisSwitch(principal: Principal, change: { enabled: boolean; message?: string | undefined; reason: string }): Promise<StudioOutcome<VersionSummary>> {
      return publishChange(principal, 'emergency', 'studio.crisis_switch', async (_current, currentFiles) => {
        if (!mayUseCrisisSwitch(principal)) return refused(403, 'Seule l’équipe nationale peut utiliser la bascule de crise.');
        const crisis = { enabled: change.enabled, ...(change.message === undefined ? {} : { message: change.message }) };
        const files = { ...currentFiles, [TERRITORIES_PATH]: editNational(currentFiles[TERRITORIES_PATH] ?? '', { crisis }) };
        const what = change.enabled ? 'activée' : 'désactivée';
        return compiledSwitch(files, `Bascule de crise ${what} : ${change.reason}`, { enabled: change.enabled, reason: change.reason });
      });
    },

    territoryClosure(principal: Principal, code: string, change: { closed: boolean; message?: string | undefined; reason: string }): Promise<StudioOutcome<VersionSummary>> {
      return publishChange(principal, 'emergency', 'studio.territory_closure', async (_current, currentFiles) => {
        if (!mayCloseTerritory(principal, code)) return refused(403, `Vous ne pouvez pas fermer le territoire ${code} : ce n’est pas le vôtre.`);
        if (change.closed && change.message === undefined) return refused(400, 'Une fermeture exceptionnelle a besoin du message que les personnes entendront.');
        const closure = change.closed ? { message: change.message ?? '' } : null;
        const files = { ...currentFiles, [TERRITORIES_PATH]: editTerritory(currentFiles[TERRITORIES_PATH] ?? '', code, { closure }) };
        const what = change.closed ? 'Fermeture exceptionnelle' : 'Fin de la fermeture exceptionnelle';
        return compiledSwitch(files, `${what} du ${code} : ${change.reason}`, { closed: change.closed, reason: change.reason });
      });
    },
  };
}

export type Publishing = ReturnType<typeof createPublishing>;
