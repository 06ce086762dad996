/**
 * The advisor API (JSON, zod-validated, documented by openapi.ts): thin handlers over the service.
 * A ticket of another territory answers 404, exactly as a ticket that does not exist; a territory the
 * principal does not work for (a query parameter) answers 403; a field no request may set, 400.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import { CallSidSchema, ConversationIdSchema, sendMalformedId, validId, TicketRefSchema } from '../http/ids';
import type { Logger } from '../logging';
import type { ChatMode, ChatTurns } from '../chat/chatTurns';
import type { TicketStore } from '../tickets/ticket-store';
import { territoryOfTicket } from '../tickets/ticket-store';
import { authenticate, principalOf, requireRole, type TokenVerifier } from './auth';
import type { AuditAction } from './audit';
import { CASE_ROLES, canSeeTerritory } from './principal';
import {
  CallbackAttemptBodySchema,
  CloseBodySchema,
  CommentBodySchema,
  LevelBodySchema,
  MonthQuerySchema,
  SERVER_OWNED_FIELDS,
  TakeBodySchema,
  TerritoryQuerySchema,
  TicketListQuerySchema,
  UpdateBodySchema,
} from './schemas';
import { OPEN_STATUSES } from './caseFile';
import { CaseBusyError, type AdvisorService, type CaseCommand, type Outcome } from './service';
import { ticketForAdvisor } from './views';

export interface AdvisorRouterDeps {
  service: AdvisorService;
  verifier: TokenVerifier;
  tickets: TicketStore;
  logger: Logger;
  /** The live state of a chat conversation (null once it has expired). */
  chatMode(conversationId: string): Promise<ChatMode | null>;
}

type Handler = (req: Request, res: Response) => Promise<void>;

function guarded(logger: Logger, handler: Handler): RequestHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof CaseBusyError) {
        res.status(409).json({ error: error.message });
        return;
      }
      logger.error({ err: error }, 'advisor API failed');
      if (!res.headersSent) res.status(503).json({ error: 'Les dossiers ne répondent pas. Réessayez dans un instant.' });
    }
  };
}

/** The body or query parsed, or a 400 that names the fields (never their values). */
export function parsed<T extends z.ZodType>(schema: T, value: unknown, res: Response, options: { serverOwned?: boolean } = {}): z.output<T> | undefined {
  if (options.serverOwned && value !== null && typeof value === 'object') {
    const owned = Object.keys(value).filter((key) => (SERVER_OWNED_FIELDS as readonly string[]).includes(key));
    if (owned.length > 0) {
      res.status(400).json({ error: `Ces champs sont remplis par le service, pas par la demande : ${owned.join(', ')}.` });
      return undefined;
    }
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    res.status(400).json({ error: invalidRequest(result.error) });
    return undefined;
  }
  return result.data;
}

function answer<T>(res: Response, outcome: Outcome<T>, okStatus = 200): void {
  if (outcome.ok) res.status(okStatus).json(outcome.value);
  else res.status(outcome.status).json({ error: outcome.error });
}

export function createAdvisorRouter(deps: AdvisorRouterDeps): Router {
  const { service, logger } = deps;
  const router = express.Router();
  const signedIn = authenticate(deps.verifier);
  // The authorities read the observatory's published figures (src/observatory/), never a ticket.
  const worksOnCases = requireRole(...CASE_ROLES);
  const validRef = validId('ref', TicketRefSchema);
  router.use('/api/advisor', signedIn, worksOnCases, express.json({ limit: '32kb' }));

  router.get('/api/advisor/me', (_req, res) => {
    res.json(principalOf(res));
  });

  router.get(
    '/api/advisor/tickets',
    guarded(logger, async (req, res) => {
      const query = parsed(TicketListQuerySchema, req.query, res);
      if (query) answer(res, await service.list(principalOf(res), query));
    }),
  );

  /**
   * The open chat tickets of my territories with the live state of their conversation (the console's
   * chat list): every hand-off, to the territory's advisors (routed) or while nobody could answer
   * (fallback: out of hours, or before a département was known, national list XX).
   */
  router.get(
    '/api/advisor/chats',
    guarded(logger, async (req, res) => {
      const query = parsed(TerritoryQuerySchema, req.query, res);
      if (!query) return;
      const listed = await service.list(principalOf(res), { territory: query.territory, channel: 'chat', kind: ['routed', 'fallback'], status: [...OPEN_STATUSES], limit: 500 });
      if (!listed.ok) {
        answer(res, listed);
        return;
      }
      const chats = await Promise.all(
        listed.value.tickets.map(async (view) => ({ ...view, chat: { conversationId: view.ticket.conversationId, mode: (await deps.chatMode(view.ticket.conversationId)) ?? ('ended' as const) } })),
      );
      res.json({ chats, truncated: listed.value.truncated });
    }),
  );

  router.get(
    '/api/advisor/tickets/:ref',
    validRef,
    guarded(logger, async (req, res) => {
      const found = await service.read(principalOf(res), String(req.params.ref));
      if (found) res.json(found);
      else res.status(404).json({ error: 'Ce dossier n’existe pas ou n’est pas de vos départements.' });
    }),
  );

  const command = <T extends z.ZodType>(schema: T, toCommand: (body: z.output<T>) => CaseCommand, okStatus = 200): RequestHandler[] => [
    validRef,
    guarded(logger, async (req, res) => {
      const body = parsed(schema, req.body, res, { serverOwned: (schema as z.ZodType) === UpdateBodySchema });
      if (body === undefined) return;
      answer(res, await service.act(principalOf(res), String(req.params.ref), toCommand(body)), okStatus);
    }),
  ];

  router.post('/api/advisor/tickets/:ref/take', command(TakeBodySchema, () => ({ type: 'TAKE' })));
  router.patch(
    '/api/advisor/tickets/:ref',
    command(UpdateBodySchema, (body) => ({
      type: 'UPDATE',
      changes: Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
    })),
  );
  router.post('/api/advisor/tickets/:ref/comments', command(CommentBodySchema, (body) => ({ type: 'COMMENT', text: body.text }), 201));
  router.post('/api/advisor/tickets/:ref/callback-attempts', command(CallbackAttemptBodySchema, (body) => ({ type: 'CALLBACK_ATTEMPT', reached: body.reached }), 201));
  router.post(
    '/api/advisor/tickets/:ref/level',
    command(LevelBodySchema, (body): CaseCommand => {
      if (body.level === 1) return { type: 'LEVEL', level: 1 };
      if (body.level === 2) return { type: 'ESCALATE_N2', staffDate: body.staffDate };
      return { type: 'ESCALATE_N3', need: body.need, missing: body.missing };
    }),
  );
  router.post('/api/advisor/tickets/:ref/close', command(CloseBodySchema, (body) => ({ type: 'SOLVE', wrapUp: body.wrapUp, ...(body.note ? { note: body.note } : {}) })));

  router.get(
    '/api/advisor/tickets/:ref/audit',
    validRef,
    guarded(logger, async (req, res) => answer(res, await service.auditOf(principalOf(res), String(req.params.ref)))),
  );

  router.get(
    '/api/advisor/agenda',
    guarded(logger, async (req, res) => {
      const query = parsed(TerritoryQuerySchema.required({ territory: true }), req.query, res);
      if (query) answer(res, await service.agenda(principalOf(res), query.territory));
    }),
  );

  router.get(
    '/api/advisor/callbacks',
    guarded(logger, async (req, res) => {
      const query = parsed(TerritoryQuerySchema, req.query, res);
      if (query) answer(res, await service.callbacks(principalOf(res), query.territory));
    }),
  );

  router.get(
    '/api/advisor/observatory/unmet-needs',
    guarded(logger, async (req, res) => {
      const query = parsed(MonthQuerySchema, req.query, res);
      if (query) answer(res, await service.observatory(principalOf(res), query.month));
    }),
  );

  /** The pre-filled ticket when the advisor picks up (by ref, or by the CallSid of the call). */
  router.get(
    '/api/tickets/:ref',
    signedIn,
    worksOnCases,
    validRef,
    guarded(logger, async (req, res) => {
      const found = await service.visible(principalOf(res), String(req.params.ref));
      if (!found) {
        res.status(404).json({ error: 'Ce dossier n’existe pas ou n’est pas de vos départements.' });
        return;
      }
      await service.record(principalOf(res), 'ticket.read', { ref: found.ticket.ref, territory: territoryOfTicket(found.ticket) });
      res.json(ticketForAdvisor(found.ticket));
    }),
  );
  router.get(
    '/api/calls/:callSid/ticket',
    signedIn,
    worksOnCases,
    validId('callSid', CallSidSchema),
    guarded(logger, async (req, res) => {
      const ticket = await deps.tickets.getByConversation(String(req.params.callSid));
      if (!ticket || !canSeeTerritory(principalOf(res), territoryOfTicket(ticket))) {
        res.status(404).json({ error: 'Aucun dossier pour cet appel.' });
        return;
      }
      await service.record(principalOf(res), 'ticket.read', { ref: ticket.ref, territory: territoryOfTicket(ticket) });
      res.json(ticketForAdvisor(ticket));
    }),
  );

  return router;
}

const CHAT_AUDIT: Record<string, AuditAction> = { take: 'chat.take', messages: 'chat.message', release: 'chat.release', transcript: 'chat.transcript_read' };

/**
 * Guards the live-chat relay (/api/chats/:id/…): a signed-in principal of the conversation's
 * territory (its ticket's département; XX, the national level, when the chat has no ticket or no
 * département). Otherwise 404, as for a conversation that does not exist. Each use is audited.
 */
export function chatRelayGuard(deps: { verifier: TokenVerifier; tickets: TicketStore; service: AdvisorService; chat: ChatTurns; logger: Logger }): RequestHandler {
  const signedIn = authenticate(deps.verifier);
  return (req, res, next) => {
    signedIn(req, res, async (error?: unknown) => {
      if (error) return next(error);
      const [, id = '', what = ''] = req.path.split('/');
      if (!ConversationIdSchema.safeParse(id).success) {
        sendMalformedId(res, 'conversationId', ConversationIdSchema);
        return;
      }
      try {
        const ticket = await deps.tickets.getByConversation(id);
        const territory = ticket ? territoryOfTicket(ticket) : 'XX';
        if (!canSeeTerritory(principalOf(res), territory)) {
          res.status(404).json({ error: 'Cette conversation n’existe pas ou est terminée.' });
          return;
        }
        const action = CHAT_AUDIT[what];
        if (action && (await deps.chat.mode(id)) !== null) {
          await deps.service.record(principalOf(res), action, { ...(ticket ? { ref: ticket.ref } : {}), territory });
        }
        next();
      } catch (failure) {
        deps.logger.error({ err: failure }, 'chat relay guard failed');
        res.status(503).json({ error: 'Le chat ne répond pas. Réessayez dans un instant.' });
      }
    });
  };
}
