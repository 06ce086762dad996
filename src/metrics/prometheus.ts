/**
 * The Metrics port on prom-client: one Registry per app (never the library's global one, so that two
 * apps in one process, or two tests, do not mix their figures), the service's counters and histograms,
 * and Node's default metrics (event-loop delay, memory, CPU, GC). Every label goes through labels.ts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from '../domain/ports';
import {
  CALL_OUTCOME_LABELS,
  DANGER_CHECK_OUTCOME_LABELS,
  DANGER_LABELS,
  needLabel,
  oneOf,
  QUEUE_RESULT_LABELS,
  routeLabel,
  STORE_COMMAND_LABELS,
  territoryLabel,
} from './labels';

export interface PrometheusMetrics extends Metrics {
  readonly registry: Registry;
  /** The configuration version being served (today `files-<hash>`, see configVersion.ts). */
  configServed(version: string): void;
  /** The text exposition, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Twilio waits 15 s for a webhook; a chat turn includes sending the bot's replies. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
const QUEUE_WAIT_BUCKETS = [10, 30, 60, 120, 180, 300, 600, 900, 1800, 3600];
const VERSION = /^[A-Za-z0-9._:-]{1,64}$/;

export function createMetrics(options: { defaultMetrics?: boolean } = {}): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Counter<L>({ name, help, labelNames, registers });
  const callsStarted = counter('o360_calls_started_total', 'Calls started (first webhook; the territory is not known yet).', []);
  const callsRouted = counter('o360_calls_routed_total', 'Calls put through to advisors, by territory and destination (territory CERCLE or national level).', ['territory', 'to']);
  const callsEnded = counter('o360_calls_ended_total', 'Calls over, by territory and outcome (abandoned_in_menu and abandoned_in_queue are the abandoned calls).', ['territory', 'outcome']);
  const chatsStarted = counter('o360_chats_started_total', 'Web chat conversations opened (the territory is not known yet).', []);
  const chatHandoffs = counter('o360_chat_handoffs_total', 'Chats handed to advisors, by territory and destination.', ['territory', 'to']);
  const chatContacts = counter('o360_chat_contacts_total', 'Chat conversations that reached advisors (a hand-off or a callback request; once per conversation), by territory.', ['territory']);
  const chatHandoffsEnded = counter(
    'o360_chat_handoffs_ended_total',
    'Chat hand-offs taken by an advisor (answered) or left by the person before anyone took them (abandoned), by territory.',
    ['territory', 'outcome'],
  );
  const orientations = counter('o360_handovers_by_need_total', 'Calls and chats put through to advisors, by channel and need.', ['channel', 'need']);
  const callbacksRequested = counter('o360_callbacks_requested_total', 'Callbacks requested, by channel and territory.', ['channel', 'territory']);
  const callbacksDone = counter('o360_callbacks_done_total', 'Callbacks done (the advisor reached the person), by territory.', ['territory']);
  const faqAnswers = counter('o360_faq_answers_total', 'Chat questions answered from the knowledge base, or « not sure ».', ['result']);
  const dangers = counter('o360_danger_detections_total', 'Words of danger found, by channel and category.', ['channel', 'category']);
  const dangerChecks = counter(
    'o360_danger_checks_total',
    'Second-stage questions of safety (« Êtes-vous en danger en ce moment ? »), by channel, kind asked about and outcome (asked; then yes, no or no_answer).',
    ['channel', 'kind', 'outcome'],
  );
  const storeFailures = counter('o360_store_failures_total', 'Store commands that failed, by command and kind (timeout, unavailable, error).', ['command', 'kind']);
  const queueWaits = new Histogram({
    name: 'o360_queue_wait_seconds',
    help: 'Time callers spent in a Twilio queue (QueueTime when they left it), by territory and QueueResult.',
    labelNames: ['territory', 'result'],
    buckets: QUEUE_WAIT_BUCKETS,
    registers,
  });
  const webhooks = new Histogram({
    name: 'o360_voice_webhook_duration_seconds',
    help: 'Time to answer a Twilio voice webhook, by route as registered.',
    labelNames: ['route'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const chatTurns = new Histogram({
    name: 'o360_chat_turn_duration_seconds',
    help: 'Time of a chat turn at the bot endpoint (replies sent included), by route as registered.',
    labelNames: ['route'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const configVersion = new Gauge({
    name: 'o360_config_version_info',
    help: 'The configuration version being served (value 1, the version as a label).',
    labelNames: ['version'],
    registers,
  });
  for (const result of ['answered', 'not_sure']) faqAnswers.inc({ result }, 0);

  return {
    registry,
    callStarted: () => callsStarted.inc(),
    ticketSaved(channel, ticket) {
      const territory = territoryLabel(ticket.departement);
      if (ticket.kind === 'callback') {
        callbacksRequested.inc({ channel, territory });
        return;
      }
      const to = ticket.kind === 'routed' ? 'territory' : 'national';
      (channel === 'voice' ? callsRouted : chatHandoffs).inc({ territory, to });
      orientations.inc({ channel, need: needLabel(ticket.need) });
    },
    // The need of a call put through is counted with its hand-off (orientations); a callback's, nowhere here.
    callOriented: () => undefined,
    callEnded: (departement, outcome) => callsEnded.inc({ territory: territoryLabel(departement), outcome: oneOf(CALL_OUTCOME_LABELS, outcome, 'other') }),
    queueLeft(departement, result, waitedSeconds) {
      if (waitedSeconds === undefined || !Number.isFinite(waitedSeconds) || waitedSeconds < 0) return;
      queueWaits.observe({ territory: territoryLabel(departement), result: oneOf(QUEUE_RESULT_LABELS, result, 'other') }, waitedSeconds);
    },
    chatStarted: () => chatsStarted.inc(),
    chatContact: (departement) => chatContacts.inc({ territory: territoryLabel(departement) }),
    chatHandoffEnded: (departement, outcome) => chatHandoffsEnded.inc({ territory: territoryLabel(departement), outcome }),
    callbackDone: (departement) => callbacksDone.inc({ territory: territoryLabel(departement) }),
    faqAnswered: (result) => faqAnswers.inc({ result }),
    dangerDetected: (channel, category) => dangers.inc({ channel, category: oneOf(DANGER_LABELS, category, 'other') }),
    dangerCheck: (channel, kind, outcome) =>
      dangerChecks.inc({ channel, kind: oneOf(DANGER_LABELS, kind, 'other'), outcome: oneOf(DANGER_CHECK_OUTCOME_LABELS, outcome, 'no_answer') }),
    storeFailed: (command, kind) => storeFailures.inc({ command: oneOf(STORE_COMMAND_LABELS, command, 'other'), kind }),
    requestServed: (kind, route, seconds) => (kind === 'voice' ? webhooks : chatTurns).observe({ route: routeLabel(route) }, seconds),
    configServed(version) {
      configVersion.reset();
      configVersion.set({ version: VERSION.test(version) ? version : 'unknown' }, 1);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
