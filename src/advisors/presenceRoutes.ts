/**
 * The presence API: `GET /api/advisor/presence` (my state), `PUT /api/advisor/presence` (my state and
 * capacity; the console's heartbeat), and `GET /api/advisor/presence?territory=44` for coordinators
 * and national admins (who is available in one of their territories; 403 otherwise).
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Logger } from '../logging';
import { authenticate, principalOf, type TokenVerifier } from './auth';
import { PresenceBodySchema, PresenceBusyError, type Presence } from './presence';
import { canSeeTerritory, coordinates } from './principal';
import { TerritoryQuerySchema } from './schemas';

export function createPresenceRouter(deps: { presence: Presence; verifier: TokenVerifier; logger: Logger }): Router {
  const { presence, logger } = deps;
  const router = express.Router();
  router.use('/api/advisor/presence', authenticate(deps.verifier), express.json({ limit: '1kb' }));

  const failed = (res: express.Response, error: unknown) => {
    if (error instanceof PresenceBusyError) {
      res.status(409).json({ error: error.message });
      return;
    }
    logger.error({ err: error }, 'presence API failed');
    res.status(503).json({ error: 'Presence is unavailable, try again' });
  };

  router.get('/api/advisor/presence', async (req, res) => {
    const query = TerritoryQuerySchema.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: z.prettifyError(query.error) });
      return;
    }
    const principal = principalOf(res);
    try {
      const territory = query.data.territory;
      if (territory === undefined) {
        res.json(await presence.mine(principal));
        return;
      }
      if (!coordinates(principal) || !canSeeTerritory(principal, territory)) {
        res.status(403).json({ error: 'Only a coordinator of this territory sees who is available there' });
        return;
      }
      const advisors = await presence.ofTerritory(territory);
      res.json({ territory, available: advisors.filter((a) => a.state === 'available').length, advisors });
    } catch (error) {
      failed(res, error);
    }
  });

  router.put('/api/advisor/presence', async (req, res) => {
    const body = PresenceBodySchema.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: z.prettifyError(body.error) });
      return;
    }
    try {
      res.json(await presence.set(principalOf(res), body.data));
    } catch (error) {
      failed(res, error);
    }
  });

  return router;
}
