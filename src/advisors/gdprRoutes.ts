/**
 * The GDPR API (/api/admin/gdpr/…): export or erase what is held about one person, for national
 * admins only (403 for everyone else). POST bodies, never query strings: a phone number or an e-mail
 * address must not end up in a URL, an access log or a browser history.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import type { Logger } from '../logging';
import { authenticate, principalOf, requireRole, type TokenVerifier } from './auth';
import { GdprEraseBodySchema, GdprExportBodySchema, type GdprService } from './gdpr';
import type { Outcome } from './service';

export function createGdprRouter(deps: { gdpr: GdprService; verifier: TokenVerifier; logger: Logger }): Router {
  const router = express.Router();
  router.use('/api/admin/gdpr', authenticate(deps.verifier), requireRole('national_admin'), express.json({ limit: '4kb' }));

  const handle =
    <S extends z.ZodType, T>(schema: S, work: (res: Response, body: z.output<S>) => Promise<Outcome<T>>) =>
    async (req: Request, res: Response) => {
      const body = schema.safeParse(req.body ?? {});
      if (!body.success) {
        res.status(400).json({ error: invalidRequest(body.error) });
        return;
      }
      try {
        const outcome = await work(res, body.data);
        if (outcome.ok) res.status(200).json(outcome.value);
        else res.status(outcome.status).json({ error: outcome.error });
      } catch (error) {
        deps.logger.error({ err: error }, 'GDPR request failed');
        if (!res.headersSent) res.status(503).json({ error: 'Le stockage ne répond pas : rien n’a été fait, ou seulement une partie. Réessayez.' });
      }
    };

  router.post('/api/admin/gdpr/export', handle(GdprExportBodySchema, (res, contact) => deps.gdpr.exportOf(principalOf(res), contact)));
  router.post('/api/admin/gdpr/erase', handle(GdprEraseBodySchema, (res, contact) => deps.gdpr.erase(principalOf(res), contact)));
  return router;
}
