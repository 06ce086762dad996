/**
 * The wrap-up codes API: `GET /api/advisor/wrap-up-codes?territory=44` (anyone working on that
 * territory's cases: the list a ticket closes with), `PUT` the territory's own list and `DELETE` it
 * (back to the national list), for the coordinators of that territory and national admins (403
 * otherwise). Every change is audited (`wrapup.update`, `wrapup.reset`: the territory and the ids).
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import type { Logger } from '../logging';
import { authenticate, principalOf, requireRole, type TokenVerifier } from './auth';
import { CASE_ROLES, canSeeTerritory, coordinates, DepartementCodeSchema, type Principal } from './principal';
import type { AdvisorService } from './service';
import { WrapUpListSchema, type WrapUpCodes, type WrapUpListView } from './wrapUpCodes';

const TerritorySchema = z.union([DepartementCodeSchema, z.literal('XX')]);
export const WrapUpQuerySchema = z.strictObject({ territory: TerritorySchema.describe('A territory of yours') });
export const WrapUpBodySchema = z.strictObject({ territory: TerritorySchema, codes: WrapUpListSchema.describe('The whole list (replaces the one in use)') });

const PATH = '/api/advisor/wrap-up-codes';

export function createWrapUpRouter(deps: { codes: WrapUpCodes; service: Pick<AdvisorService, 'record'>; verifier: TokenVerifier; logger: Logger }): Router {
  const { codes, service, logger } = deps;
  const router = express.Router();
  router.use(PATH, authenticate(deps.verifier), requireRole(...CASE_ROLES), express.json({ limit: '16kb' }));

  /** Parses, checks who may do it, runs it; 400, 403 or 503 otherwise. */
  const route =
    <S extends z.ZodType>(schema: S, from: 'query' | 'body', edits: boolean, work: (input: z.output<S>, principal: Principal) => Promise<WrapUpListView>) =>
    async (req: Request, res: Response) => {
      const input = schema.safeParse(req[from] ?? {});
      if (!input.success) {
        res.status(400).json({ error: invalidRequest(input.error) });
        return;
      }
      const principal = principalOf(res);
      const territory = (input.data as { territory: string }).territory;
      if (!canSeeTerritory(principal, territory) || (edits && !coordinates(principal))) {
        res.status(403).json({ error: edits ? 'Seul un coordinateur du département peut changer ses codes de clôture.' : 'Vous ne travaillez pas pour ce département.' });
        return;
      }
      try {
        res.json(await work(input.data, principal));
      } catch (error) {
        logger.error({ err: error }, 'wrap-up codes API failed');
        res.status(503).json({ error: 'Les codes de clôture ne répondent pas. Réessayez dans un instant.' });
      }
    };

  router.get(PATH, route(WrapUpQuerySchema, 'query', false, ({ territory }) => codes.of(territory)));
  router.put(
    PATH,
    route(WrapUpBodySchema, 'body', true, async ({ territory, codes: list }, principal) => {
      const saved = await codes.set(territory, list);
      await service.record(principal, 'wrapup.update', { territory, detail: { count: list.length, ids: list.map((c) => c.id) } });
      return saved;
    }),
  );
  router.delete(
    PATH,
    route(WrapUpQuerySchema, 'query', true, async ({ territory }, principal) => {
      const national = await codes.reset(territory);
      await service.record(principal, 'wrapup.reset', { territory });
      return national;
    }),
  );
  return router;
}
