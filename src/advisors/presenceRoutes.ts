/**
 * The presence API: `GET /api/advisor/presence` (my state, my live chats and the room I have left),
 * `PUT /api/advisor/presence` (my state and capacity, at most what my staff account allows; the
 * console's heartbeat), and `GET /api/advisor/presence?territory=44` for coordinators and national
 * admins (who is available in one of their territories and their load, those with room first; 403
 * otherwise).
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import type { Logger } from '../logging';
import { authenticate, principalOf, type TokenVerifier } from './auth';
import { byOffer, PresenceBodySchema, PresenceBusyError, withLoad, type Presence } from './presence';
import { canSeeTerritory, coordinates, type Principal } from './principal';
import { TerritoryQuerySchema } from './schemas';

export interface PresenceRouterDeps {
  presence: Presence;
  verifier: TokenVerifier;
  logger: Logger;
  /** Live chats by advisor (subject → count), in one territory or in all of the principal's. */
  liveChats(principal: Principal, territory?: string): Promise<Record<string, number>>;
  /** The most chats at once the principal's staff account allows (MAX_CAPACITY without one). */
  chatLimitOf(principal: Principal): Promise<number>;
}

export function createPresenceRouter(deps: PresenceRouterDeps): Router {
  const { presence, logger } = deps;
  const router = express.Router();
  router.use('/api/advisor/presence', authenticate(deps.verifier), express.json({ limit: '1kb' }));

  const failed = (res: express.Response, error: unknown) => {
    if (error instanceof PresenceBusyError) {
      res.status(409).json({ error: error.message });
      return;
    }
    logger.error({ err: error }, 'presence API failed');
    res.status(503).json({ error: 'La disponibilité ne répond pas. Réessayez dans un instant.' });
  };

  router.get('/api/advisor/presence', async (req, res) => {
    const query = TerritoryQuerySchema.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: invalidRequest(query.error) });
      return;
    }
    const principal = principalOf(res);
    try {
      const territory = query.data.territory;
      if (territory === undefined) {
        const [mine, load, maxCapacity] = await Promise.all([presence.mine(principal), deps.liveChats(principal), deps.chatLimitOf(principal)]);
        res.json({ ...withLoad(mine, load[principal.subject] ?? 0), maxCapacity });
        return;
      }
      if (!coordinates(principal) || !canSeeTerritory(principal, territory)) {
        res.status(403).json({ error: 'Seul un coordinateur du département voit qui y est disponible.' });
        return;
      }
      const [entries, load] = await Promise.all([presence.ofTerritory(territory), deps.liveChats(principal, territory)]);
      const advisors = entries.map((entry) => withLoad(entry, load[entry.subject] ?? 0)).sort(byOffer);
      res.json({ territory, available: advisors.filter((a) => a.state === 'available').length, withRoom: advisors.filter((a) => a.room > 0).length, advisors });
    } catch (error) {
      failed(res, error);
    }
  });

  router.put('/api/advisor/presence', async (req, res) => {
    const body = PresenceBodySchema.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: invalidRequest(body.error) });
      return;
    }
    try {
      const principal = principalOf(res);
      const limit = await deps.chatLimitOf(principal);
      if (body.data.capacity > limit) {
        res.status(400).json({ error: `Votre compte permet ${limit} chats en même temps au plus.` });
        return;
      }
      const [saved, load] = await Promise.all([presence.set(principal, body.data), deps.liveChats(principal)]);
      res.json({ ...withLoad(saved, load[principal.subject] ?? 0), maxCapacity: limit });
    } catch (error) {
      failed(res, error);
    }
  });

  return router;
}
