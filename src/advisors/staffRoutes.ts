/**
 * The staff accounts API (/api/admin/staff): national admins manage every account, coordinators the
 * advisors of their own territories. zod-validated, documented in openapi.ts, every change audited.
 * An account another manager holds answers 404, as one that does not exist.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import type { Logger } from '../logging';
import { authenticate, principalOf, type TokenVerifier } from './auth';
import type { Outcome } from './service';
import { StaffAccountBodySchema, StaffAccountUpdateSchema, StaffAuditQuerySchema, StaffEmailSchema } from './staff';
import { StaffDirectoryBusyError } from './staffDirectory';
import type { StaffService } from './staffService';

export function createStaffRouter(deps: { staff: StaffService; verifier: TokenVerifier; logger: Logger }): Router {
  const { staff, logger } = deps;
  const router = express.Router();
  router.use('/api/admin', authenticate(deps.verifier), express.json({ limit: '16kb' }));

  const handle =
    <T>(work: (req: Request, res: Response) => Promise<Outcome<T> | undefined>, okStatus = 200) =>
    async (req: Request, res: Response) => {
      try {
        const outcome = await work(req, res);
        if (outcome === undefined) return;
        if (outcome.ok) res.status(okStatus).json(outcome.value);
        else res.status(outcome.status).json({ error: outcome.error });
      } catch (error) {
        if (error instanceof StaffDirectoryBusyError) {
          res.status(409).json({ error: error.message });
          return;
        }
        logger.error({ err: error }, 'staff API failed');
        if (!res.headersSent) res.status(503).json({ error: 'Les comptes ne répondent pas. Réessayez dans un instant.' });
      }
    };
  const parse = <S extends z.ZodType>(schema: S, value: unknown, res: Response): z.output<S> | undefined => {
    const result = schema.safeParse(value ?? {});
    if (result.success) return result.data;
    res.status(400).json({ error: invalidRequest(result.error) });
    return undefined;
  };

  router.get('/api/admin/staff', handle((_req, res) => staff.list(principalOf(res))));
  router.get(
    '/api/admin/staff/audit',
    handle(async (req, res) => {
      const query = parse(StaffAuditQuerySchema, req.query, res);
      return query === undefined ? undefined : staff.auditOfDay(principalOf(res), query.day);
    }),
  );
  router.post(
    '/api/admin/staff',
    handle(async (req, res) => {
      const body = parse(StaffAccountBodySchema, req.body, res);
      return body === undefined ? undefined : staff.create(principalOf(res), body);
    }, 201),
  );
  router.put(
    '/api/admin/staff/:email',
    handle(async (req, res) => {
      const email = parse(StaffEmailSchema, req.params.email, res);
      const body = email === undefined ? undefined : parse(StaffAccountUpdateSchema, req.body, res);
      return email === undefined || body === undefined ? undefined : staff.update(principalOf(res), email, body);
    }),
  );
  router.delete(
    '/api/admin/staff/:email',
    handle(async (req, res) => {
      const email = parse(StaffEmailSchema, req.params.email, res);
      return email === undefined ? undefined : staff.remove(principalOf(res), email);
    }),
  );
  return router;
}
