/**
 * The studio's proof and trial of a draft, over HTTP (mounted by whoever wires the drafts):
 *   POST /api/studio/drafts/:draftId/proof        the findings of the static proof
 *   POST /api/studio/drafts/:draftId/trial/call   a phone call played against the draft, as text
 *   POST /api/studio/drafts/:draftId/trial/chat   a chat conversation played against the draft
 * Coordinators and national admins only; a coordinator tries calls and chats of their own territories,
 * and reads the proof's findings about their own territories (and the flow, which is everyone's).
 * Bodies checked with zod; errors in French.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { authenticate, principalOf, type TokenVerifier } from '../advisors/auth';
import { canSeeTerritory, coordinates, type Principal } from '../advisors/principal';
import type { AppConfig } from '../config/appConfig';
import type { Logger } from '../logging';
import { isProved, type Finding } from './proof';
import type { FilesProof } from './proveFiles';
import type { ServiceBuilder } from './trial/trialApp';
import { CallTrialSchema, tryCall } from './trial/tryCall';
import { ChatTrialSchema, tryChat } from './trial/tryChat';

export interface StudioTrialRouterDeps {
  /** The draft's whole configuration; null when there is no such draft. */
  loadConfig(draftId: string): Promise<AppConfig | null>;
  /** The proof of the draft, off the event loop (the proof worker); null when there is no such draft. */
  proveDraft(draftId: string): Promise<FilesProof | null>;
  /** createApp (src/app.ts): a trial runs the real service on the draft. */
  buildApp: ServiceBuilder;
  verifier: TokenVerifier;
  logger: Logger;
}

const DraftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const ProofBodySchema = z.strictObject({});

const SORRY = 'La vérification n’a pas pu être faite. Réessayez dans un moment.';
const NO_DRAFT = 'Ce brouillon n’existe pas.';

/**
 * One trial at a time in a process, the others wait their turn: a trial builds a whole service; calls
 * and chats of the process share that CPU. (A proof runs in the proof worker, which takes them in turn.)
 */
function oneAtATime() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/** Each problem of a body, in one sentence: « Le champ at : une date et une heure… ». */
function bodyProblems(error: z.ZodError): string {
  const problems = error.issues.map((issue) => (issue.path.length > 0 ? `le champ « ${issue.path.join('.')} » : ${issue.message}` : issue.message));
  return `La demande n’est pas valide. ${problems.join(' ; ')}.`;
}

/** A coordinator sees the findings of the flow and of their own territories; the rest is only counted. */
function findingsFor(principal: Principal, findings: readonly Finding[]): { shown: Finding[]; hidden: number } {
  const shown = findings.filter((finding) => finding.field.kind !== 'territory' || canSeeTerritory(principal, finding.field.territory));
  return { shown, hidden: findings.length - shown.length };
}

export function createStudioTrialRouter(deps: StudioTrialRouterDeps): Router {
  const router = express.Router();
  const inTurn = oneAtATime();
  router.use('/api/studio', authenticate(deps.verifier), express.json({ limit: '32kb' }));

  /** The draft's id, if the principal may prove and try drafts; else an answer already sent (403, 400). */
  function draftIdOf(req: Request, res: Response): string | null {
    if (!coordinates(principalOf(res))) {
      res.status(403).json({ error: 'Seuls les coordinateurs et l’équipe nationale peuvent vérifier et essayer un brouillon.' });
      return null;
    }
    const draftId = DraftIdSchema.safeParse(req.params.draftId);
    if (!draftId.success) {
      res.status(400).json({ error: 'Le numéro du brouillon n’est pas valide.' });
      return null;
    }
    return draftId.data;
  }

  /** The draft's configuration, or an answer already sent (403, 400, 404). */
  async function draftFor(req: Request, res: Response): Promise<AppConfig | null> {
    const draftId = draftIdOf(req, res);
    if (draftId === null) return null;
    const config = await deps.loadConfig(draftId);
    if (!config) res.status(404).json({ error: NO_DRAFT });
    return config;
  }

  /** A coordinator names one of their territories; a national admin may name any, or none. */
  function territoryAllowed(res: Response, territory: string | undefined): boolean {
    const principal = principalOf(res);
    if (principal.territories === 'all') return true;
    if (territory === undefined) {
      res.status(400).json({ error: 'Dites pour quel territoire faire l’essai (le champ « territory »).' });
      return false;
    }
    if (canSeeTerritory(principal, territory)) return true;
    res.status(403).json({ error: `Vous ne coordonnez pas le territoire ${territory}.` });
    return false;
  }

  function route<S extends z.ZodType>(schema: S, work: (config: AppConfig, body: z.output<S>, res: Response) => Promise<unknown>) {
    return async (req: Request, res: Response) => {
      try {
        const config = await draftFor(req, res);
        if (!config) return;
        const body = schema.safeParse(req.body ?? {});
        if (!body.success) {
          res.status(400).json({ error: bodyProblems(body.error) });
          return;
        }
        const answer = await inTurn(() => work(config, body.data, res));
        if (answer !== undefined) res.json(answer);
      } catch (error) {
        deps.logger.error({ err: error, path: req.route?.path }, 'studio: proof or trial failed');
        if (!res.headersSent) res.status(500).json({ error: SORRY });
      }
    };
  }

  // The proof runs in the proof worker: the process answers calls and chats meanwhile.
  router.post('/api/studio/drafts/:draftId/proof', async (req, res) => {
    try {
      const draftId = draftIdOf(req, res);
      if (draftId === null) return;
      const body = ProofBodySchema.safeParse(req.body ?? {});
      if (!body.success) {
        res.status(400).json({ error: bodyProblems(body.error) });
        return;
      }
      const proof = await deps.proveDraft(draftId);
      if (proof === null) {
        res.status(404).json({ error: NO_DRAFT });
        return;
      }
      if (!proof.compiled) {
        res.status(422).json({ error: 'Le brouillon a des erreurs : corrigez-les avant la preuve.', problems: proof.problems });
        return;
      }
      const { shown, hidden } = findingsFor(principalOf(res), proof.findings);
      res.json({ proved: isProved(proof.findings), findings: shown, hiddenFindings: hidden });
    } catch (error) {
      deps.logger.error({ err: error, path: req.route?.path }, 'studio: proof failed');
      if (!res.headersSent) res.status(500).json({ error: SORRY });
    }
  });
  router.post(
    '/api/studio/drafts/:draftId/trial/call',
    route(CallTrialSchema, async (config, trial, res) => (territoryAllowed(res, trial.territory) ? tryCall(deps.buildApp, config, trial) : undefined)),
  );
  router.post(
    '/api/studio/drafts/:draftId/trial/chat',
    route(ChatTrialSchema, async (config, trial, res) => (territoryAllowed(res, trial.territory) ? tryChat(deps.buildApp, config, trial) : undefined)),
  );
  return router;
}
