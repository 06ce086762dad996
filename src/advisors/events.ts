/**
 * Live events for the advisor console, over the MessageBus (Redis pub/sub across processes): one
 * channel per territory plus one for all territories. The SSE endpoint subscribes a principal to their
 * territories' channels only. Events are notifications (at most once): the console re-reads the list
 * after a reconnection. They hold no personal data: refs, states, levels, priorities.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { MessageBus } from '../domain/ports';
import { DANGER_KINDS } from '../domain/vocabulary';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import { ALL_TERRITORIES_INDEX } from '../tickets/ticket-store';
import { authenticate, principalOf, requireRole, type TokenVerifier } from './auth';
import { CASE_ROLES } from './principal';
import { CASE_STATUSES } from './caseFile';

export const AdvisorEventSchema = z
  .object({
    /**
     * chat.message: the person wrote in a chat an advisor has or will have (re-read its transcript).
     * person.returned: the person of this open N1 case (`ref`, its territory) contacted the service again;
     * told to its `referent`; `newRef` when the new ticket is of the same territory.
     * chat.danger: the person wrote words of danger (any time, even while an advisor has the chat):
     * the console alerts at once; `danger` names the kind, never the words.
     * chat.dangerDoubt: the second-stage question (« Êtes-vous en danger en ce moment ? ») was asked
     * in a chat an advisor has or will have: the console alerts at once, as a doubt, not a confirmed danger.
     */
    type: z.enum(['ticket.created', 'ticket.updated', 'chat.message', 'person.returned', 'chat.danger', 'chat.dangerDoubt']),
    ref: z.string(),
    territory: z.string(),
    channel: z.enum(['voice', 'chat']),
    kind: z.enum(['routed', 'callback', 'fallback']),
    priority: z.enum(['normale', 'prioritaire']),
    /** The lifecycle state and level when known (absent for the intake's own updates). */
    status: z.enum(CASE_STATUSES).optional(),
    level: z.number().int().min(1).max(3).optional(),
    /** person.returned: the referent's subject (who is told) and the new contact's ticket. */
    referent: z.string().min(1).max(255).optional(),
    newRef: z.string().optional(),
    /** chat.danger, chat.dangerDoubt: the kind of danger. */
    danger: z.enum(DANGER_KINDS).optional(),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
export type AdvisorEvent = z.output<typeof AdvisorEventSchema>;

export interface AdvisorEvents {
  /** Publishes to the territory's channel and the all-territories one; never rejects (logs instead). */
  publish(event: AdvisorEvent): Promise<void>;
  router: Router;
  /**
   * The service stops: every open stream gets a reconnect hint (`retry:`) and a final `shutdown`
   * event, then ends; the console's EventSource reconnects, to another process. New streams get 503.
   */
  close(): Promise<void>;
}

const HEARTBEAT_MS = 25_000;
/** How soon a console reconnects after a shutdown (another process, or this one restarted). */
const RECONNECT_AFTER_SHUTDOWN_MS = 1000;

export function createAdvisorEvents(deps: { bus: MessageBus; keys: StoreKeys; verifier: TokenVerifier; logger: Logger }): AdvisorEvents {
  const { bus, keys, logger } = deps;
  const router = express.Router();
  /** Ends each open stream (at shutdown). */
  const open = new Set<() => void>();
  let closing = false;

  router.get('/api/advisor/events', authenticate(deps.verifier, { allowQueryToken: true }), requireRole(...CASE_ROLES), async (req, res) => {
    if (closing) {
      res.status(503).set('Retry-After', '1').json({ error: 'Le service redémarre. Réessayez dans un instant.' });
      return;
    }
    const principal = principalOf(res);
    const channels = principal.territories === 'all' ? [ALL_TERRITORIES_INDEX] : principal.territories;
    const unsubscribes: Array<() => Promise<void>> = [];
    let closed = false;
    const send = (message: string) => {
      const parsed = AdvisorEventSchema.safeParse(JSON.parse(message));
      if (!parsed.success || closed) return;
      res.write(`event: ${parsed.data.type}\ndata: ${JSON.stringify(parsed.data)}\n\n`);
    };
    try {
      for (const territory of channels) unsubscribes.push(await bus.subscribe(keys.advisorEvents(territory), send));
    } catch (error) {
      logger.error({ err: error }, 'advisor events: subscribe failed');
      await Promise.all(unsubscribes.map((u) => u()));
      res.status(503).json({ error: 'Les nouvelles en direct ne répondent pas. Réessayez dans un instant.' });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ territories: principal.territories })}\n\n`);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = () => {
      if (closed) return;
      res.end(`retry: ${RECONNECT_AFTER_SHUTDOWN_MS}\nevent: shutdown\ndata: {"reconnect":true}\n\n`);
    };
    open.add(end);
    req.on('close', () => {
      closed = true;
      open.delete(end);
      clearInterval(heartbeat);
      void Promise.all(unsubscribes.map((u) => u()));
    });
  });

  return {
    router,
    async close() {
      closing = true;
      for (const end of [...open]) end();
    },
    async publish(event) {
      // Events are built by our own code from checked tickets and case files, typed AdvisorEvent: not
      // parsed again here. The edge is the other end: each stream checks every message it hears (`send`).
      const message = JSON.stringify(event);
      const targets = event.territory === ALL_TERRITORIES_INDEX ? [ALL_TERRITORIES_INDEX] : [event.territory, ALL_TERRITORIES_INDEX];
      for (const territory of targets) {
        try {
          await bus.publish(keys.advisorEvents(territory), message);
        } catch (error) {
          logger.warn({ err: error }, 'advisor events: publish failed');
        }
      }
    },
  };
}
