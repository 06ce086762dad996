/**
 * The observatory's routes: the published tables of one territory as JSON, as CSV, and as a page.
 * Readers: the authorities, coordinators and national admins, for their own territories only
 * (principal.ts `readsObservatoryOf`); advisors are refused. Every read is audited. The figures come
 * from anonymous counters only (never a ticket), suppressed before they leave (publication.ts).
 */
import { dirname } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import type { Clock } from '../domain/ports';
import type { Logger } from '../logging';
import type { AuditTrail } from '../advisors/audit';
import { authenticate, principalOf, type TokenVerifier } from '../advisors/auth';
import type { Observatory } from '../advisors/observatory';
import { actorOf, readsObservatoryOf, type Principal } from '../advisors/principal';
import { DepartementCodeSchema } from '../advisors/principal';
import { monthOf } from '../tickets/ticket-store';
import type { ContactCounters } from './contacts';
import { publicationCsv } from './csv';
import { unavailableOnFailure } from '../http/guarded';
import { sendPage as page, signedOutPage } from '../pages/send';
import { DSFR_BASE, renderObservatoryNotice, renderObservatoryPage } from './page';
import { buildPublication, twelveMonthsTo, type Publication } from './publication';
import { ObservatoryQuerySchema } from './schemas';
import type { ObservatorySettings } from './settings';

export interface ObservatoryRouterDeps {
  verifier: TokenVerifier;
  contacts: ContactCounters;
  unmetNeeds: Observatory;
  settings: ObservatorySettings;
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
  /** The French name of a département code (undefined for XX or an unknown code). */
  departementName(code: string): string | undefined;
}

const PageQuerySchema = ObservatoryQuerySchema.extend({ territory: DepartementCodeSchema.optional() });

/** @gouvfr/dsfr's dist folder (its CSS and fonts), served as it is from node_modules. */
export function dsfrDistDir(): string {
  return dirname(require.resolve('@gouvfr/dsfr/dist/dsfr.min.css'));
}

export function createObservatoryRouter(deps: ObservatoryRouterDeps): Router {
  const router = express.Router();
  const signedIn = authenticate(deps.verifier);

  async function publication(principal: Principal, territory: string, month: string | undefined, format: string): Promise<Publication> {
    const lastMonth = month ?? monthOf(deps.clock.now());
    const months = twelveMonthsTo(lastMonth);
    const [contacts, unmet] = await Promise.all([deps.contacts.of(territory, months), Promise.all(months.map((m) => deps.unmetNeeds.ofMonth(m)))]);
    await deps.audit.record({ actor: actorOf(principal), action: 'observatory.read', territory, detail: { month: lastMonth, format } });
    return buildPublication({ territory, lastMonth, contacts, unmetNeeds: unmet.flat(), settings: deps.settings });
  }

  /** The territory of the path, checked: 400 when malformed, 403 when not the reader's. */
  function territoryOf(req: Request, res: Response): string | undefined {
    const parsed = DepartementCodeSchema.safeParse(req.params.territory);
    if (!parsed.success) {
      res.status(400).json({ error: 'Le territoire doit être un numéro de département : de 01 à 95, 2A, 2B, de 971 à 974, ou 976.' });
      return undefined;
    }
    if (!readsObservatoryOf(principalOf(res), parsed.data)) {
      res.status(403).json({ error: 'Vous ne pouvez pas lire l’observatoire de ce département.' });
      return undefined;
    }
    return parsed.data;
  }

  function query<T extends z.ZodType>(schema: T, req: Request, res: Response): z.output<T> | undefined {
    const parsed = schema.safeParse(req.query);
    if (parsed.success) return parsed.data;
    res.status(400).json({ error: invalidRequest(parsed.error) });
    return undefined;
  }

  const guarded = unavailableOnFailure(deps.logger, 'observatory', 'L’observatoire ne répond pas. Réessayez dans un instant.');

  router.get(
    '/api/observatory/:territory',
    signedIn,
    guarded(async (req, res) => {
      const territory = territoryOf(req, res);
      const q = territory && query(ObservatoryQuerySchema, req, res);
      if (!territory || !q) return;
      const published = await publication(principalOf(res), territory, q.month, 'json');
      res.json({ ...published, territoryName: deps.departementName(territory) ?? null });
    }),
  );

  router.get(
    '/api/observatory/:territory/export.csv',
    signedIn,
    guarded(async (req, res) => {
      const territory = territoryOf(req, res);
      const q = territory && query(ObservatoryQuerySchema, req, res);
      if (!territory || !q) return;
      const published = await publication(principalOf(res), territory, q.month, 'csv');
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="observatoire-${territory}-${published.from}-${published.to}.csv"`)
        .send(publicationCsv(published, deps.departementName(territory) ?? ''));
    }),
  );

  router.use(DSFR_BASE, express.static(dsfrDistDir(), { index: false, fallthrough: false, maxAge: '1d' }));

  router.get(
    '/observatoire',
    signedOutPage(() =>
      renderObservatoryNotice('Connectez-vous', ['L’observatoire est réservé aux autorités, aux coordinateurs et à l’équipe nationale.'], { href: '/auth/login', text: 'Se connecter' }),
    ),
    signedIn,
    guarded(async (req, res) => {
      const principal = principalOf(res);
      const q = PageQuerySchema.safeParse(req.query);
      if (!q.success) {
        page(res, 400, renderObservatoryNotice('Adresse incorrecte', ['Le territoire doit être un code de département, le mois de la forme 2026-11.'], { href: '/observatoire', text: 'Revenir à l’observatoire' }));
        return;
      }
      const own = principal.territories === 'all' ? [] : principal.territories;
      const territory = q.data.territory ?? own[0];
      if (principal.role === 'advisor' || territory === undefined || !readsObservatoryOf(principal, territory)) {
        const reason = territory === undefined ? 'Choisissez un territoire : ajoutez par exemple ?territory=44 à l’adresse.' : 'Vous ne pouvez pas lire l’observatoire de ce territoire.';
        page(res, territory === undefined && principal.role !== 'advisor' ? 400 : 403, renderObservatoryNotice('Pas d’accès à ce territoire', [reason]));
        return;
      }
      const published = await publication(principal, territory, q.data.month, 'page');
      const otherTerritories = own.filter((t) => t !== territory).map((t) => ({ href: `/observatoire?territory=${t}`, text: `${t} ${deps.departementName(t) ?? ''}`.trim() }));
      page(res, 200, renderObservatoryPage({ publication: published, territoryName: deps.departementName(territory) ?? '', otherTerritories }));
    }),
  );

  return router;
}
