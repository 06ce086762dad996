/**
 * The studio's API (/api/studio): versions, drafts, publish, roll back, the emergency switches.
 * Thin: zod on every id and body, the use cases decide (studio.ts, publishing.ts), answers in French.
 * Documented in openapi.ts of this folder.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import { authenticate, principalOf, type TokenVerifier } from '../advisors/auth';
import { DepartementCodeSchema } from '../advisors/principal';
import type { Principal } from '../advisors/principal';
import { DraftIdSchema } from './drafts';
import { NationalEditSchema, TerritoryEditSchema } from './edits';
import type { Publishing } from './publishing';
import type { Studio, StudioOutcome } from './studio';
import { VersionStoreBusyError } from './versionStore';

const VersionNumberSchema = z.coerce.number().int().min(1).max(1_000_000_000);
const FilePathSchema = z.array(z.string().regex(/^[A-Za-z0-9_.-]+$/)).min(2).max(6).transform((parts) => parts.join('/'));
const comment = z.string().trim().max(500).default('');
const reason = z.string().trim().min(3, { error: 'donnez la raison (3 caractères au moins)' }).max(500);
const confirmed = z.literal(true, { error: 'confirmez le changement : "confirm": true' });

export const PublishBodySchema = z.strictObject({ comment });
export const ImportBodySchema = z.strictObject({ text: z.string().max(1_000_000) });
export const RollbackBodySchema = z.strictObject({ to: z.number().int().min(1), comment, confirm: confirmed });
export const CrisisBodySchema = z.strictObject({ enabled: z.boolean(), message: z.string().trim().min(1).max(500).optional(), reason, confirm: confirmed });
export const ClosureBodySchema = z.strictObject({ closed: z.boolean(), message: z.string().trim().min(1).max(500).optional(), reason, confirm: confirmed });

export interface StudioRouterDeps {
  studio: Studio;
  publishing: Publishing;
  verifier: TokenVerifier;
}

class BadRequest extends Error {}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new BadRequest(invalidRequest(result.error));
  return result.data;
}

export function createStudioRouter(deps: StudioRouterDeps): Router {
  const { studio, publishing } = deps;
  const router = express.Router();
  router.use('/api/studio', authenticate(deps.verifier), express.json({ limit: '1200kb' }));

  /** Sends the outcome; a bad id or body is a 400 with zod's words; the rest goes to the one error handler. */
  const handle =
    <T>(work: (principal: Principal, req: Request) => Promise<StudioOutcome<T>>, okStatus = 200) =>
    async (req: Request, res: Response) => {
      let outcome: StudioOutcome<T>;
      try {
        outcome = await work(principalOf(res), req);
      } catch (error) {
        if (error instanceof BadRequest) return void res.status(400).json({ error: error.message });
        if (error instanceof VersionStoreBusyError) return void res.status(409).json({ error: error.message });
        throw error;
      }
      if (outcome.ok) res.status(okStatus).json(outcome.value);
      else res.status(outcome.status).json({ error: outcome.error, ...(outcome.problems ? { problems: outcome.problems } : {}) });
    };
  const draftId = (req: Request) => parsed(DraftIdSchema, req.params.id);

  router.get('/api/studio/versions', handle((principal) => studio.listVersions(principal)));
  router.get('/api/studio/versions/:number', handle((principal, req) => studio.version(principal, parsed(VersionNumberSchema, req.params.number))));
  /** A file as YAML (the export), or the refusal as JSON. */
  const sendYaml = (res: Response, outcome: StudioOutcome<string>) => {
    if (outcome.ok) res.status(200).type('application/yaml; charset=utf-8').send(outcome.value);
    else res.status(outcome.status).json({ error: outcome.error });
  };
  router.get('/api/studio/versions/:number/files/*path', async (req, res) => {
    const number = VersionNumberSchema.safeParse(req.params.number);
    const path = FilePathSchema.safeParse(req.params.path);
    if (!number.success || !path.success) return void res.status(400).json({ error: 'attendu : /api/studio/versions/<numéro>/files/<dossier>/<fichier>.yaml' });
    sendYaml(res, await studio.exportFile(principalOf(res), number.data, path.data));
  });
  router.get('/api/studio/drafts/:id/files/*path', async (req, res) => {
    const id = DraftIdSchema.safeParse(req.params.id);
    const path = FilePathSchema.safeParse(req.params.path);
    if (!id.success || !path.success) return void res.status(400).json({ error: 'attendu : /api/studio/drafts/<brouillon>/files/<dossier>/<fichier>.yaml' });
    sendYaml(res, await studio.exportDraftFile(principalOf(res), id.data, path.data));
  });

  router.post('/api/studio/drafts', handle((principal) => studio.createDraft(principal), 201));
  router.get('/api/studio/drafts/:id', handle((principal, req) => studio.draft(principal, draftId(req))));
  router.delete('/api/studio/drafts/:id', handle((principal, req) => studio.deleteDraft(principal, draftId(req))));
  router.put(
    '/api/studio/drafts/:id/territories/:code',
    handle((principal, req) => studio.editTerritory(principal, draftId(req), parsed(DepartementCodeSchema, req.params.code), parsed(TerritoryEditSchema, req.body))),
  );
  router.put('/api/studio/drafts/:id/national', handle((principal, req) => studio.editNational(principal, draftId(req), parsed(NationalEditSchema, req.body))));
  router.put(
    '/api/studio/drafts/:id/files/*path',
    handle((principal, req) => studio.importFile(principal, draftId(req), parsed(FilePathSchema, req.params.path), parsed(ImportBodySchema, req.body).text)),
  );
  router.post('/api/studio/drafts/:id/check', handle((principal, req) => studio.check(principal, draftId(req))));
  router.post('/api/studio/drafts/:id/approve', handle((principal, req) => publishing.approve(principal, draftId(req))));
  router.post(
    '/api/studio/drafts/:id/publish',
    handle((principal, req) => publishing.publish(principal, draftId(req), parsed(PublishBodySchema, req.body).comment), 201),
  );
  router.post(
    '/api/studio/rollback',
    handle((principal, req) => {
      const body = parsed(RollbackBodySchema, req.body);
      return publishing.rollback(principal, body.to, body.comment);
    }, 201),
  );
  router.post(
    '/api/studio/crisis',
    handle((principal, req) => {
      const { enabled, message, reason: why } = parsed(CrisisBodySchema, req.body);
      return publishing.crisisSwitch(principal, { enabled, message, reason: why });
    }, 201),
  );
  router.post(
    '/api/studio/territories/:code/closure',
    handle((principal, req) => {
      const code = parsed(DepartementCodeSchema, req.params.code);
      const { closed, message, reason: why } = parsed(ClosureBodySchema, req.body);
      return publishing.territoryClosure(principal, code, { closed, message, reason: why });
    }, 201),
  );
  return router;
}
