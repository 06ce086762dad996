/**
 * The Twilio voice webhooks on express. Thin: check the signature and the parameters, turn the request
 * into a machine event, answer TwiML. Whatever goes wrong, the caller gets valid TwiML that reaches a
 * human. The turn webhooks are usually answered before express by the lean lane (voiceLane.ts); they
 * are here too for the requests the lane hands on (unusual bodies).
 */
import express, { type Request, type Response, type Router } from 'express';
import { twiml } from 'twilio';
import type { Clock, Metrics } from '../domain/ports';
import { QueueNameSchema, TicketRefSchema } from '../http/ids';
import { requireTwilioSignature } from '../http/twilioSignature';
import type { Logger } from '../logging';
import type { TicketStore } from '../tickets/ticket-store';
import type { SealedNumber } from './callMachine';
import type { CallTurns, VoiceRuntime } from './callTurns';
import type { EmergencyDeps } from './emergency';
import { emergencyFor, requestIdOf, type Query, type TurnWebhook } from './turnWebhooks';
import type { TwimlRenderer } from './twiml';
import type { Ticket } from '../tickets/ticket';
import type { VoiceUrls } from './urls';
import type { WaitingRoom } from './waitingRoom';
import { CallParams, QueueWaitParams, TaskRouterAssignmentParams, WaitChoiceParams } from './webhookParams';
import { whisperLines, type DepartementNamer } from './whisper';

export interface VoiceRoutesDeps {
  calls: CallTurns;
  tickets: TicketStore;
  waitingRoom: WaitingRoom;
  emergency: EmergencyDeps;
  departementName: DepartementNamer;
  sealPhoneNumber(e164: string): SealedNumber;
  urls: VoiceUrls;
  clock: Clock;
  logger: Logger;
  twilioAuthToken: string;
  publicBaseUrl: string;
  metrics: Metrics;
  /** The turn webhooks (incoming, step, queue and dial results), shared with the lean voice lane. */
  turns: readonly TurnWebhook[];
}

const ENDED_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
const HOLD_PAUSE_SECONDS = 15;

const FRENCH_PLURAL = new Intl.PluralRules('fr-FR');

/** The sentence of `key` for `count` things: `key.one` (0 and 1 in French) or `key.other`. */
export function countedKey(key: string, count: number): string {
  return `${key}.${FRENCH_PLURAL.select(count) === 'one' ? 'one' : 'other'}`;
}

/** The ticket a whisper URL names (`?ticket=`), when it is a well-formed ref; else none is read. */
function ticketRefIn(req: Request): string | null {
  const ref = TicketRefSchema.safeParse(req.query.ticket);
  return ref.success ? ref.data : null;
}

function sendTwiml(res: Response, xml: string): void {
  res.status(200).type('text/xml').send(xml);
}

export function createVoiceRouter(deps: VoiceRoutesDeps): Router {
  const router = express.Router();
  const { calls, clock, logger } = deps;
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));
  router.use(requireTwilioSignature(deps.twilioAuthToken, deps.publicBaseUrl));

  const at = () => clock.now().toISOString();

  /**
   * The version a call is pinned to (its wait music's sentences, its advisor's whisper and the MDPH it
   * names); the version served now when the call is unknown or cannot be read.
   */
  const runtimeOf = async (callSid: string | null): Promise<VoiceRuntime> => {
    if (callSid !== null) {
      try {
        return (await calls.pinned(callSid)).runtime;
      } catch (error) {
        logger.warn({ err: error }, 'sentences of the version served now: the call cannot be read');
      }
    }
    return calls.served();
  };
  const rendererOf = async (callSid: string | null): Promise<TwimlRenderer> => (await runtimeOf(callSid)).renderer;
  /** The advisor's whisper of `ticket`, in the words and with the directory of the call's own version. */
  const whisper = async (response: twiml.VoiceResponse, ticket: Ticket | null, callSid: string | null): Promise<void> => {
    const { renderer, mdphName } = await runtimeOf(callSid);
    renderer.say(response, renderer.sentences(whisperLines(ticket, deps.departementName, mdphName)), false);
  };
  /** A voice ticket's call (its conversation is the CallSid). */
  const callOf = (ticket: Ticket | null): string | null => (ticket?.channel === 'voice' ? ticket.conversationId : null);

  for (const webhook of deps.turns) {
    router.post(webhook.path, async (req, res) => {
      sendTwiml(res, await webhook.answer(req.body, { query: req.query as Query, requestId: requestIdOf(req.header('i-twilio-idempotency-token')) }));
    });
  }

  /** Twilio's Fallback URL: our primary answer failed; the caller still reaches a human. */
  router.post('/fallback', async (req, res) => {
    const callSid = typeof req.body?.CallSid === 'string' ? (req.body.CallSid as string) : undefined;
    logger.error({ webhook: 'fallback', callSid, errorCode: req.body?.ErrorCode }, 'Twilio used the fallback URL');
    sendTwiml(res, await emergencyFor(deps, callSid, req.query.d));
  });

  /** Played in a loop while the caller waits in a queue: position, expected wait, callback offer. */
  router.post('/queue/wait', async (req, res) => {
    const response = new twiml.VoiceResponse();
    const parsed = QueueWaitParams.safeParse(req.body);
    let slow = false;
    let renderer: TwimlRenderer | null = null;
    try {
      if (!parsed.success) throw new Error('bad wait parameters');
      const pinned = await calls.pinned(parsed.data.CallSid);
      const { context } = pinned;
      renderer = pinned.runtime.renderer;
      slow = context?.slow ?? false;
      const position = parsed.data.QueuePosition ?? 0;
      const lines = [];
      if (position === 1) lines.push({ key: 'queue.next' });
      else if (position > 1) lines.push({ key: countedKey('queue.position', position - 1), values: { ahead: position - 1 } });
      const average = parsed.data.AvgQueueTime ?? 0;
      const minutes = Math.max(1, Math.round(average / 60));
      if (average > 0 && position !== 1) lines.push({ key: countedKey('queue.expected', minutes), values: { minutes } });
      lines.push({ key: 'queue.pleaseWait' });
      renderer.say(response, renderer.sentences(lines), slow);
      const offerAfter = context?.connection?.callbackOfferAfterSeconds ?? Number.POSITIVE_INFINITY;
      if ((parsed.data.QueueTime ?? 0) >= offerAfter) {
        const gather = response.gather({ input: ['dtmf'], numDigits: 1, timeout: 5, action: deps.urls.queueWaitChoice(), method: 'POST' });
        renderer.say(gather, renderer.text({ key: 'queue.callbackOffer' }), slow);
      }
    } catch (error) {
      logger.warn({ webhook: 'queue-wait', err: error }, 'wait message without call details');
      renderer ??= (await calls.served()).renderer;
      renderer.say(response, renderer.text({ key: 'queue.pleaseWait' }), slow);
    }
    response.pause({ length: HOLD_PAUSE_SECONDS });
    sendTwiml(res, response.toString());
  });

  /** The caller pressed a key while waiting: 1 leaves the queue for a callback (Enqueue's action follows). */
  router.post('/queue/wait-choice', async (req, res) => {
    const parsed = WaitChoiceParams.safeParse(req.body);
    const response = new twiml.VoiceResponse();
    if (parsed.success && parsed.data.Digits === '1') response.leave();
    else {
      const renderer = await rendererOf(parsed.success ? parsed.data.CallSid : null);
      renderer.say(response, renderer.text({ key: 'queue.pleaseWait' }), false);
    }
    sendTwiml(res, response.toString());
  });

  /** <Queue url>: runs on the queued caller's leg just before an advisor is bridged. */
  router.post('/queue/bridging', async (req, res) => {
    const response = new twiml.VoiceResponse();
    const parsed = CallParams.safeParse(req.body);
    try {
      if (parsed.success) await calls.notify(parsed.data.CallSid, { type: 'BRIDGING', at: at() });
    } catch (error) {
      logger.warn({ webhook: 'queue-bridging', err: error }, 'could not record the bridging');
    }
    const renderer = await rendererOf(parsed.success ? parsed.data.CallSid : null);
    renderer.say(response, renderer.text({ key: 'queue.connecting' }), false);
    sendTwiml(res, response.toString());
  });

  /** <Number url> / <Sip url>: runs on the advisor's leg after they answer, before the caller is connected. */
  router.post('/whisper', async (req, res) => {
    const response = new twiml.VoiceResponse();
    const ref = ticketRefIn(req);
    try {
      const ticket = ref === null ? null : await deps.tickets.get(ref);
      await whisper(response, ticket, callOf(ticket));
    } catch (error) {
      logger.warn({ webhook: 'whisper', err: error }, 'whisper without ticket');
      const renderer = await rendererOf(null);
      renderer.say(response, renderer.sentences(whisperLines(null, deps.departementName)), false);
    }
    sendTwiml(res, response.toString());
  });

  /**
   * An advisor's phone takes the next caller of a territory's queue: they hear the whisper of the
   * caller who has waited longest (the one Twilio bridges next), then are connected.
   */
  router.post('/advisor/dequeue', async (req, res) => {
    const response = new twiml.VoiceResponse();
    const queue = QueueNameSchema.safeParse(req.query.queue);
    if (!queue.success) {
      res.status(400).type('text/plain').send('Query parameter "queue" must be a queue name (letters, digits, _ . -)');
      return;
    }
    try {
      const queueName = queue.data;
      const callSid = await deps.waitingRoom.first(queueName);
      if (callSid === null) {
        const renderer = await rendererOf(null);
        renderer.say(response, renderer.text({ key: 'advisor.noneWaiting' }), false);
        response.hangup();
        sendTwiml(res, response.toString());
        return;
      }
      const ticket = await deps.tickets.getByConversation(callSid);
      await whisper(response, ticket, callSid);
    } catch (error) {
      logger.warn({ webhook: 'advisor-dequeue', err: error }, 'dequeue without whisper');
    }
    response.dial().queue({ url: deps.urls.queueBridging(), method: 'POST' }, queue.data);
    sendTwiml(res, response.toString());
  });

  /** TaskRouter assignment callback: call the worker, whisper, then bridge the reserved task. */
  router.post('/taskrouter/assignment', (req, res) => {
    const parsed = TaskRouterAssignmentParams.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'ReservationSid, TaskAttributes and WorkerAttributes are required' });
      return;
    }
    let task: Record<string, unknown>;
    let worker: Record<string, unknown>;
    try {
      task = JSON.parse(parsed.data.TaskAttributes) as Record<string, unknown>;
      worker = JSON.parse(parsed.data.WorkerAttributes) as Record<string, unknown>;
    } catch {
      res.status(400).json({ error: 'TaskAttributes and WorkerAttributes must be JSON' });
      return;
    }
    const contact = typeof worker.contact_uri === 'string' ? worker.contact_uri : null;
    const from = typeof task.called === 'string' ? task.called : typeof task.to === 'string' ? task.to : null;
    if (!contact || !from) {
      res.status(400).json({ error: 'the worker needs a contact_uri and the task a called/to number' });
      return;
    }
    const ticketRef = typeof task.ticketRef === 'string' ? task.ticketRef : '';
    res.json({
      instruction: 'call',
      to: contact,
      from,
      url: deps.urls.taskRouterAgent(parsed.data.ReservationSid, ticketRef),
      timeout: 30,
    });
  });

  /** The worker answered TaskRouter's call: whisper, then bridge the reserved caller. */
  router.post('/taskrouter/agent', async (req, res) => {
    const response = new twiml.VoiceResponse();
    const reservationSid = typeof req.query.reservation === 'string' ? req.query.reservation : '';
    if (!/^WR[0-9a-fA-F]{32}$/.test(reservationSid)) {
      res.status(400).type('text/plain').send('Query parameter "reservation" must be a ReservationSid');
      return;
    }
    try {
      const ref = ticketRefIn(req);
      const ticket = ref === null ? null : await deps.tickets.get(ref);
      await whisper(response, ticket, callOf(ticket));
    } catch (error) {
      logger.warn({ webhook: 'taskrouter-agent', err: error }, 'bridging without whisper');
    }
    response.dial().queue({ reservationSid }, '');
    sendTwiml(res, response.toString());
  });

  /** Status callback: the call is over; its session is closed and an abandoned call is counted. */
  router.post('/status', async (req, res) => {
    const parsed = CallParams.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).type('text/plain').send('CallSid is required');
      return;
    }
    try {
      if (ENDED_STATUSES.has(parsed.data.CallStatus ?? '')) {
        await calls.notify(parsed.data.CallSid, { type: 'CALL_ENDED', at: at() });
      }
      res.status(204).end();
    } catch (error) {
      logger.error({ webhook: 'status', callSid: parsed.data.CallSid, err: error }, 'status callback failed');
      res.status(503).end();
    }
  });

  return router;
}
