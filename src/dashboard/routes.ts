/**
 * The dashboard's routes: `GET /api/dashboard?territory=44&from=…&to=…` (JSON) and the page
 * `/tableau-de-bord` with the same query. Coordinators of the territory and national admins only.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import { authenticate, principalOf, type TokenVerifier } from '../advisors/auth';
import type { Logger } from '../logging';
import { unavailableOnFailure } from '../http/guarded';
import { sendPage as page, signedOutPage } from '../pages/send';
import type { Dashboard } from './dashboard';
import { renderDashboardNotice, renderDashboardPage } from './page';
import { DashboardQuerySchema } from './schemas';

export interface DashboardRouterDeps {
  dashboard: Dashboard;
  verifier: TokenVerifier;
  logger: Logger;
  /** A département's French name (undefined for XX or an unknown code). */
  departementName(code: string): string | undefined;
}

export function createDashboardRouter(deps: DashboardRouterDeps): Router {
  const router = express.Router();
  const signedIn = authenticate(deps.verifier);

  const guarded = unavailableOnFailure(deps.logger, 'dashboard', 'Le tableau de bord ne répond pas. Réessayez dans un instant.');

  router.get(
    '/api/dashboard',
    signedIn,
    guarded(async (req, res) => {
      const query = DashboardQuerySchema.safeParse(req.query);
      if (!query.success) {
        res.status(400).json({ error: invalidRequest(query.error) });
        return;
      }
      const outcome = await deps.dashboard.figures(principalOf(res), query.data);
      if (!outcome.ok) {
        res.status(outcome.status).json({ error: outcome.error });
        return;
      }
      res.set('Cache-Control', 'no-store').json(outcome.value);
    }),
  );

  router.get(
    '/tableau-de-bord',
    signedOutPage(() => renderDashboardNotice('Connectez-vous', ['Le tableau de bord est réservé aux coordinateurs et à l’équipe nationale.'], { href: '/auth/login', text: 'Se connecter' })),
    signedIn,
    guarded(async (req, res) => {
      const query = DashboardQuerySchema.safeParse(req.query);
      if (!query.success) {
        page(res, 400, renderDashboardNotice('Adresse incorrecte', ['Le territoire doit être un code de département, XX ou all. Les dates sont de la forme 2026-11-30.'], { href: '/tableau-de-bord', text: 'Revenir au tableau de bord' }));
        return;
      }
      const principal = principalOf(res);
      const outcome = await deps.dashboard.figures(principal, query.data);
      if (!outcome.ok) {
        const text = outcome.status === 403 ? 'Le tableau de bord d’un territoire est réservé à ses coordinateurs et à l’équipe nationale.' : 'La période est trop longue : un an au plus.';
        page(res, outcome.status, renderDashboardNotice(outcome.status === 403 ? 'Pas d’accès à ce tableau de bord' : 'Période trop longue', [text]));
        return;
      }
      const own = principal.territories === 'all' ? [] : principal.territories;
      const otherTerritories = own
        .filter((t) => t !== outcome.value.territory)
        .map((t) => ({ href: `/tableau-de-bord?territory=${t}`, text: `${t} ${deps.departementName(t) ?? (t === 'XX' ? 'niveau national' : '')}`.trim() }));
      page(res, 200, renderDashboardPage({ figures: outcome.value, otherTerritories }));
    }),
  );

  return router;
}
