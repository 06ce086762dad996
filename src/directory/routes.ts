/**
 * The directory's API (documented in openapi.ts beside it): search from a ticket, read and edit an
 * organisation, import a CSV of establishments, and add a partner to a case from the directory (or
 * written by hand). Thin handlers over the directory service and the advisor service.
 *
 * An edit or an import is published at once as a new version of the configuration (its number in the
 * `X-Config-Version` header); with `?draft=D-…` it goes into that studio draft instead, and the answer
 * is `{ result, draft }` (the draft with its French diff), to publish from the studio.
 */
import express, { type Request, type Response, type Router } from 'express';
import { authenticate, principalOf, requireRole, type TokenVerifier } from '../advisors/auth';
import { CASE_ROLES } from '../advisors/principal';
import { parsed } from '../advisors/routes';
import { CaseBusyError, type AdvisorService } from '../advisors/service';
import { StoreUnavailableError } from '../domain/ports';
import { TicketRefSchema, validId } from '../http/ids';
import { z } from 'zod';
import { DraftIdSchema } from '../studio/drafts';
import { VersionStoreBusyError } from '../studio/versionStore';
import { IdSchema } from './schema';
import { DirectoryQuerySchema, PartnerBodySchema, partnerName } from './search';
import type { DirectoryOutcome, DirectoryService, Written } from './service';

/** The largest CSV accepted: a département's extract is far smaller. */
export const IMPORT_LIMIT = '5mb';

export interface DirectoryRouterDeps {
  directory: DirectoryService;
  advisors: AdvisorService;
  verifier: TokenVerifier;
}

function send<T>(res: Response, outcome: DirectoryOutcome<T>, okStatus = 200): void {
  if (outcome.ok) res.status(okStatus).json(outcome.value);
  else res.status(outcome.status).json({ error: outcome.error, ...(outcome.problems ? { problems: outcome.problems } : {}), ...(outcome.checks ? { checks: outcome.checks } : {}) });
}

/** A change published at once: its value, the version in a header; a change into a draft: `{ result, draft }`. */
function sendWritten<T>(res: Response, outcome: DirectoryOutcome<Written<T>>): void {
  if (!outcome.ok) return send(res, outcome);
  const { value, version, draft } = outcome.value;
  if (version !== undefined) res.setHeader('X-Config-Version', String(version));
  res.status(200).json(draft === undefined ? value : { result: value, draft });
}

export const DraftQuerySchema = z.strictObject({ draft: DraftIdSchema.optional().describe('A studio draft to write into, instead of publishing at once') });

/** A busy lock (409) or a store that does not answer (503): the client may retry; anything else goes to the service's one error handler. */
const retryable = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
  try {
    await handler(req, res);
  } catch (error) {
    if (error instanceof VersionStoreBusyError || error instanceof CaseBusyError) res.status(409).json({ error: error.message });
    else if (error instanceof StoreUnavailableError) res.status(503).json({ error: 'Le répertoire ne répond pas. Réessayez dans un instant.' });
    else throw error;
  }
};

export function createDirectoryRouter(deps: DirectoryRouterDeps): Router {
  const { directory, advisors } = deps;
  const router = express.Router();
  const signedIn = [authenticate(deps.verifier), requireRole(...CASE_ROLES)];
  const validOrganisation = validId('id', IdSchema);
  router.use('/api/directory', ...signedIn);

  router.get(
    '/api/directory',
    retryable(async (req, res) => {
      const query = parsed(DirectoryQuerySchema, req.query, res);
      if (query) send(res, await directory.search(principalOf(res), query).then((found) => (found.ok ? { ok: true, value: { territory: query.territory, results: found.value } } : found)));
    }),
  );

  router.get('/api/directory/organisations/:id', validOrganisation, retryable(async (req, res) => send(res, await directory.organisation(principalOf(res), String(req.params.id)))));

  router.put(
    '/api/directory/organisations/:id',
    validOrganisation,
    express.json({ limit: '64kb' }),
    retryable(async (req, res) => {
      const body = req.body as { id?: unknown } | undefined;
      if (body?.id !== req.params.id) {
        res.status(400).json({ error: 'L’identifiant de l’organisation doit être celui de l’adresse.' });
        return;
      }
      const query = parsed(DraftQuerySchema, req.query, res);
      if (query) sendWritten(res, await directory.put(principalOf(res), body, query.draft));
    }),
  );

  router.delete(
    '/api/directory/organisations/:id',
    validOrganisation,
    retryable(async (req, res) => {
      const query = parsed(DraftQuerySchema, req.query, res);
      if (query) sendWritten(res, await directory.remove(principalOf(res), String(req.params.id), query.draft));
    }),
  );

  router.post(
    '/api/directory/import',
    express.raw({ type: ['text/csv', 'application/octet-stream'], limit: IMPORT_LIMIT }),
    retryable(async (req, res) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        res.status(415).json({ error: 'Envoyez le fichier CSV tel quel, avec le type text/csv.' });
        return;
      }
      const query = parsed(DraftQuerySchema, req.query, res);
      if (query) sendWritten(res, await directory.importCsv(principalOf(res), req.body, query.draft));
    }),
  );

  /** A partner on the case file: from the directory (its name, offer and commune) or written by hand. */
  router.post(
    '/api/advisor/tickets/:ref/partners',
    ...signedIn,
    validId('ref', TicketRefSchema),
    express.json({ limit: '8kb' }),
    retryable(async (req, res) => {
      const body = parsed(PartnerBodySchema, req.body, res);
      if (!body) return;
      const principal = principalOf(res);
      let name: string;
      if ('text' in body) name = body.text;
      else {
        const picked = await directory.pick(principal, body.organisationId, body.offerId);
        if (!picked) {
          res.status(404).json({ error: 'Cette offre n’est plus dans le répertoire de vos départements.' });
          return;
        }
        name = partnerName(picked.organisation, picked.offer);
      }
      const found = await advisors.visible(principal, String(req.params.ref));
      if (found?.caseFile.partners.includes(name)) {
        res.status(409).json({ error: 'Ce partenaire est déjà sur le dossier.' });
        return;
      }
      if (found && found.caseFile.partners.length >= 50) {
        res.status(409).json({ error: 'Le dossier a déjà 50 partenaires : c’est le maximum.' });
        return;
      }
      const outcome = await advisors.act(principal, String(req.params.ref), { type: 'UPDATE', changes: { addPartner: name } });
      if (outcome.ok) res.status(201).json(outcome.value);
      else res.status(outcome.status).json({ error: outcome.error });
    }),
  );

  return router;
}
