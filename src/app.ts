/**
 * The composition of the web service: builds the express app from its dependencies and never
 * listens (main.ts does). Tests build it with their own store, clock and configuration.
 */
import { randomBytes } from 'node:crypto';
import express from 'express';
import { createTokenVerifier } from './advisors/auth';
import { createAuditTrail } from './advisors/audit';
import type { App, AppDeps } from './appDeps';
import { chatDangerAlerts, chatDangerDoubtAlerts } from './advisors/dangerAlerts';
import { createAdvisorEvents } from './advisors/events';
import { createObservatory } from './advisors/observatory';
import { openApiDocument } from './advisors/openapi';
import { chatRelayGuard, createAdvisorRouter } from './advisors/routes';
import { createAdvisorService } from './advisors/service';
import { createPresence } from './advisors/presence';
import { createPresenceRouter } from './advisors/presenceRoutes';
import { createWrapUpCodes } from './advisors/wrapUpCodes';
import { createWrapUpRouter } from './advisors/wrapUpRoutes';
import { createVocabularyRouter } from './advisors/vocabulary';
import { createGdprService } from './advisors/gdpr';
import { createGdprRouter } from './advisors/gdprRoutes';
import { derivePersonKeySecret } from './people/personKey';
import { createPersonLinks } from './people/personLinks';
import { createLiveConversations } from './people/liveConversations';
import { OrientationBot } from './chat/bot';
import { createBotEndpoint } from './chat/botEndpoint';
import { chatQueueName } from './chat/chatTurns';
import { createChatTurns } from './chat/createChat';
import { DEFAULT_GONE_CHATS_SWEEP_MS, startGoneChatsSweeper } from './chat/goneSweeper';
import { createRelayRouter } from './chat/relayRoutes';
import { CHANNEL_SECRET_HEADER, createDirectLine, createInternalAddress, deriveTokenKey, type TrustProxy } from './directline';
import type { OutgoingActivityInput } from './directline/activity';
import { isInternalCall } from './directline/connector-auth';
import { allMetrics } from './domain/ports';
import { createDailyFigures, dashboardRouter } from './dashboard';
import { createDirectoryRouter } from './directory/routes';
import { createDirectoryService } from './directory/service';
import { createContactCounters } from './observatory/contacts';
import { createObservatoryRouter } from './observatory/routes';
import { createWebRouter } from './web/routes';
import { fixedSecurityHeaders, securityHeaders } from './web/securityHeaders';
import { createStaffDirectory } from './advisors/staffDirectory';
import { createStaffRouter } from './advisors/staffRoutes';
import { createStaffService } from './advisors/staffService';
import { createOidcRelyingParty } from './auth/oidc';
import { createSignInRouter } from './auth/routes';
import { createStaffSessions, isPlainLoopback, staffGivenName } from './auth/session';
import { createErrorHandler } from './http/errors';
import { twilioSignatureCheck } from './http/twilioSignature';
import { configVersionOf, countingCallbacksDone, createMetricsRouter, timeRequests } from './metrics';
import { createPlaces } from './places/places';
import { callbackTargetHoursOf } from './territories/schema';
import { decideRoute } from './routing/decide';
import { lastDigits, maskEmail, openText, sealText } from './security/seal';
import { storeKeys as defaultStoreKeys } from './storage/keys';
import { createTicketStore, territoryOfTicket } from './tickets/ticket-store';
import type { SealedEmail, SealedNumber } from './voice/callMachine';
import { CallTurns } from './voice/callTurns';
import { createStudioApi, createStudioRouter, staticConfig } from './studio';
import { createVersionedRuntimes } from './studio/versionedRuntimes';
import { createStudioTrialRouter } from './studio/proofTrialRoutes';
import { emergencyTwiml, type EmergencyDeps } from './voice/emergency';
import { createVoiceRouter } from './voice/routes';
import { createTurnWebhooks } from './voice/turnWebhooks';
import { createVoiceLane } from './voice/voiceLane';
import { voiceUrls } from './voice/urls';
import { useFrenchValidationMessages } from './http/problems';
import { createWaitingRoom } from './voice/waitingRoom';


export type { App, AppDeps, AppSettings, SignInSettings } from './appDeps';

export function createApp(deps: AppDeps): App {
  const { store, clock, logger, settings, metrics } = deps;
  // Every refusal the API answers is French, zod's own messages included.
  useFrenchValidationMessages();
  const live = deps.live ?? staticConfig(deps.config);
  // The version served at start: what is no part of a call or a chat (the desk, the dashboard) reads it.
  const config = live.current().config;
  metrics.configServed(live.current().version);
  live.onChange((served) => metrics.configServed(served.version));
  const keys = deps.keys ?? defaultStoreKeys;
  // Names and time zones of the départements (the same in every version; postcodes: the version's places).
  const places = createPlaces();
  // The edges count once, through the Metrics port: live (/metrics) and by day (the dashboard).
  const callbackTargetHours = (territory: string) => callbackTargetHoursOf(live.current().config.territories, territory);
  const daily = createDailyFigures({ store, keys, clock, logger, timeZoneOf: (code) => places.get(code)?.timeZone, callbackTargetHoursOf: callbackTargetHours });
  const counting = allMetrics(metrics, daily);
  const route = (departement: string | null, now: Date) => decideRoute(live.current().config.territories, departement, now);
  const sealPhoneNumber = (e164: string): SealedNumber => ({ sealed: sealText(settings.dataKey, e164), lastDigits: lastDigits(e164, 2) });
  const sealEmail = (email: string): SealedEmail => ({ sealed: sealText(settings.dataKey, email), hint: maskEmail(email) });
  const verifier = createTokenVerifier(settings.advisorAuth, clock);
  const advisorEvents = createAdvisorEvents({ bus: deps.bus, keys, verifier, logger });
  const contacts = createContactCounters(store, keys);
  const observatory = createObservatory(store, keys);
  const tickets = createTicketStore(store, {
    ttlDays: settings.ticketTtlDays,
    clock,
    keys,
    // Waiting calls and chats, callbacks: the consoles of the ticket's territory hear of it at once;
    // a new ticket is counted, anonymously, for the observatory.
    onSaved: (ticket, change) => {
      if (change === 'created') void contacts.count(ticket).catch((error: unknown) => logger.warn({ err: error }, 'observatory: contact not counted'));
      void advisorEvents.publish({
        type: change === 'created' ? 'ticket.created' : 'ticket.updated',
        ref: ticket.ref,
        territory: territoryOfTicket(ticket),
        channel: ticket.channel,
        kind: ticket.kind,
        priority: ticket.priority,
        ...(change === 'created' ? { status: 'new' as const, level: 1 } : {}),
        at: ticket.updatedAt,
      });
    },
    // A person's new contact: the referents of their open N1 cases hear of it.
    onPersonLinked: (ticket) =>
      void advisors.personReturned(ticket).catch((error: unknown) => logger.warn({ err: error }, 'history: could not tell the referents')),
  });
  const openSealed = (sealed: string) => openText(settings.dataKey, sealed);
  const personKeySecret = derivePersonKeySecret(settings.dataKey);
  const people = createPersonLinks({ secret: personKeySecret, openSealed, tickets });
  const audit = createAuditTrail(store, keys, { ticketTtlDays: settings.ticketTtlDays, clock });
  const signIn = settings.signIn ?? { sessionSecret: randomBytes(32).toString('hex'), idleTimeoutSeconds: 30 * 60, absoluteLifetimeSeconds: 12 * 3600, bootstrapAdminEmails: [] };
  const staff = createStaffService({ directory: createStaffDirectory(store, keys), audit, clock, bootstrapAdminEmails: signIn.bootstrapAdminEmails });
  const sessions = createStaffSessions({
    store,
    keys,
    clock,
    staff,
    logger,
    settings: {
      secret: signIn.sessionSecret,
      idleTimeoutSeconds: signIn.idleTimeoutSeconds,
      absoluteLifetimeSeconds: signIn.absoluteLifetimeSeconds,
      secureCookie: !isPlainLoopback(signIn.oidc?.redirectUrl ?? settings.publicBaseUrl),
    },
  });
  const wrapUpCodes = createWrapUpCodes({ store, keys, national: config.wrapUpCodes });
  const advisors = createAdvisorService({
    store,
    keys,
    tickets,
    audit: countingCallbacksDone(audit, counting, tickets),
    observatory,
    events: advisorEvents,
    clock,
    ticketTtlDays: settings.ticketTtlDays,
    missingReasons: config.observatory.missing.map((reason) => reason.id),
    wrapUpCodes,
    timeZoneOf: (territory) => live.current().config.territories.territories[territory]?.timeZone ?? places.get(territory)?.timeZone ?? 'Europe/Paris',
    openSealed,
    logger,
  });
  const studio = createStudioApi({ store, keys, audit, clock, live });
  // The directory is a file of the configuration's versions: read from the version served, written through the studio.
  const directory = createDirectoryService({
    published: () => live.current().config.directory,
    studio: { ...studio.studio, publish: studio.publishing.publish },
    audit,
    clock,
  });
  const urls = voiceUrls(settings.publicBaseUrl);
  const waitingRoom = createWaitingRoom(store, keys, settings.callTtlSeconds);
  const departementName = (code: string) => places.get(code)?.name;
  // A call or a chat finishes on its version, with the crisis switch and the closures of the version served now.
  const runtimes = createVersionedRuntimes({ live, voice: { sealPhoneNumber, sealEmail, urls }, logger });
  const calls = new CallTurns({
    runtime: runtimes.voice,
    store,
    keys,
    tickets,
    waitingRoom,
    clock,
    callTtlSeconds: settings.callTtlSeconds,
    metrics: counting,
    personKeyOf: (caller) => people.ofSealedNumber(caller),
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.set('trust proxy', Array.isArray(settings.trustProxy) ? [...settings.trustProxy] : (settings.trustProxy ?? false));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      const served = live.current();
      res.json({ status: 'ready', store: 'ok', config: 'loaded', configVersion: served.version, territories: Object.keys(served.config.territories.territories).length });
    } catch {
      res.status(503).json({ status: 'not ready', store: 'unreachable', config: 'loaded', configVersion: live.current().version });
    }
  });

  if (settings.metricsToken !== undefined) app.use(createMetricsRouter(metrics, settings.metricsToken));
  const emergency: EmergencyDeps = {
    decideRoute: route,
    wording: runtimes.emergencyWording,
    lastResortQueue: 'cercle-national',
  };
  const fallbackTwiml = () => emergencyTwiml(emergency, null, clock.now());
  const voice = {
    calls,
    tickets,
    waitingRoom,
    emergency,
    departementName,
    // The caller's number: its person key is kept, for the call's ticket (src/people/personLinks.ts).
    sealPhoneNumber: (e164: string) => people.sealCaller(e164, sealPhoneNumber),
    urls,
    clock,
    logger,
    twilioAuthToken: settings.twilioAuthToken,
    publicBaseUrl: settings.publicBaseUrl,
    metrics: counting,
  };
  const turns = createTurnWebhooks(voice);
  app.use('/voice', timeRequests(metrics, 'voice', '/voice'), createVoiceRouter({ ...voice, turns }));

  const chat = createChatTurns({
    runtime: runtimes.chat,
    store,
    keys,
    tickets,
    // A chat waiting list outlives its conversations (twice their TTL after the last arrival): a person
    // gone is still found there by the next sweep, and counted as abandoned (ChatTurns.sweepGone).
    waitingRoom: createWaitingRoom(store, keys, 2 * settings.chatTtlSeconds),
    clock,
    chatTtlSeconds: settings.chatTtlSeconds,
    metrics: counting,
    departementsForPostcode: (postcode) => runtimes.servedPlaces().departementsForPostcode(postcode),
    people,
    // The console of the advisor who has the chat re-reads its transcript (the event holds no text).
    onPersonWrote: (conversationId) =>
      void tickets
        .getByConversation(conversationId)
        .then((ticket) =>
          ticket
            ? advisorEvents.publish({
                type: 'chat.message',
                ref: ticket.ref,
                territory: territoryOfTicket(ticket),
                channel: ticket.channel,
                kind: ticket.kind,
                priority: ticket.priority,
                at: clock.now().toISOString(),
              })
            : undefined,
        )
        .catch((error: unknown) => logger.warn({ err: error }, 'chat: could not tell the consoles')),
    onDanger: chatDangerAlerts({ tickets, events: advisorEvents, clock, logger }),
    onDangerDoubt: chatDangerDoubtAlerts({ tickets, events: advisorEvents, clock, logger }),
  });
  // Every chat queue (each département's and the national one) is swept on a timer, whether the figures are read or not.
  const chatQueues = [...places.all().map((d) => chatQueueName(d.code)), chatQueueName(null)];
  const goneChats = startGoneChatsSweeper({ sweep: () => chat.sweepGone(chatQueues), everyMs: settings.goneChatsSweepMs ?? DEFAULT_GONE_CHATS_SWEEP_MS, logger });
  const openApi = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  // Staff sign-in: the session (or a bearer token) names the principal of every staff API.
  const tokenFallback = settings.advisorAuth.jwksUrl === undefined && settings.advisorAuth.devSigningKey !== undefined;
  app.use(createSignInRouter({ relyingParty: signIn.oidc ? createOidcRelyingParty(signIn.oidc) : null, sessions, staff, tokenFallback, clock, logger }));
  app.use(['/api/advisor', '/api/admin', '/api/studio', '/api/tickets', '/api/calls', '/api/chats', '/api/observatory', '/observatoire', '/api/dashboard', '/tableau-de-bord', '/api/directory'], ...sessions.middleware);
  app.use(createStaffRouter({ staff, verifier, logger }));
  const liveConversations = createLiveConversations({ store, keys, chatTranscript: (id) => chat.transcript(id), chatQueueName });
  const gdpr = createGdprService({ store, keys, tickets, audit, live: liveConversations, clock, ticketTtlDays: settings.ticketTtlDays, personKeySecret, openSealed, logger });
  app.use(createGdprRouter({ gdpr, verifier, logger }));
  app.use(advisorEvents.router);
  app.use(createVocabularyRouter());
  const presence = createPresence({ store, keys, clock });
  app.use(createWrapUpRouter({ codes: wrapUpCodes, service: advisors, verifier, logger }));
  app.use(
    createPresenceRouter({
      presence,
      verifier,
      logger,
      liveChats: (principal, territory) => advisors.liveChatsBy(principal, territory, async (conversationId) => (await chat.mode(conversationId)) === 'human'),
      chatLimitOf: (principal) => staff.chatLimitOf(principal.subject),
    }),
  );
  app.use(createAdvisorRouter({ service: advisors, verifier, tickets, logger, chatMode: (conversationId) => chat.mode(conversationId) }));
  app.use(createDirectoryRouter({ directory, advisors, verifier }));
  app.use(createStudioRouter({ ...studio, verifier }));
  app.use(
    createStudioTrialRouter({ loadConfig: (id) => studio.studio.loadVersionConfig(id), proveDraft: (id) => studio.studio.proveDraft(id), buildApp: createApp, verifier, logger }),
  );
  app.use(createObservatoryRouter({ verifier, contacts, unmetNeeds: observatory, settings: config.observatory, audit, clock, logger, departementName }));
  app.use(
    dashboardRouter({
      store,
      keys,
      clock,
      logger,
      daily,
      presence,
      verifier,
      territories: config.territories,
      departementCodes: places.all().map((d) => d.code),
      departementName,
      callbackTargetHoursOf: callbackTargetHours,
      ticketTtlDays: settings.ticketTtlDays,
      sweepGoneChats: (queues) => chat.sweepGone(queues),
    }),
  );

  const internal = createInternalAddress();
  const directLine = createDirectLine({
    store,
    bus: deps.bus,
    keys,
    clock,
    logger,
    tokenKey: deriveTokenKey(settings.dataKey),
    // Our own bot, in this process (the HTTP hop to /api/messages only when asked: the benchmark's old path).
    deliverToBot: deps.chatBotHop === 'http' ? undefined : (activity) => botEndpoint.deliverOwn(activity),
    botEndpoint: internal.botEndpoint,
    connectorBaseUrl: internal.connectorBaseUrl,
    channelSecret: internal.channelSecret,
    isChannelSecret: internal.isChannelSecret,
    rateLimitRedis: deps.rateLimitRedis,
    options: { connectorAuth: { appId: settings.bot.microsoftAppId } },
  });
  const bot = new OrientationBot(chat, clock, logger);
  app.use('/api/messages', timeRequests(metrics, 'chat'));
  const botEndpoint = createBotEndpoint({
    bot,
    settings: settings.bot,
    isOwnChannel: (req, serviceUrl) =>
      serviceUrl.replace(/\/+$/, '') === internal.connectorBaseUrl() &&
      isInternalCall(req, internal.baseUrl()) &&
      internal.isChannelSecret(req.headers[CHANNEL_SECRET_HEADER]),
    channelSecret: { header: CHANNEL_SECRET_HEADER, value: internal.channelSecret },
    logger,
    metrics,
    replyToOwnChannel: (conversationId, replies) =>
      directLine.appendBotActivities(
        conversationId,
        replies.map(({ activity, replyToId }) => ({ activity: activity as OutgoingActivityInput, replyToId })),
      ),
  });
  app.use(botEndpoint.router);
  app.use(directLine.router);
  app.use(
    createRelayRouter({ chat, channel: directLine, requireAdvisor: chatRelayGuard({ verifier, tickets, service: advisors, chat, logger }), advisorFirstName: staffGivenName, logger }),
  );
  app.use(createWebRouter(settings.webPublicDir));

  app.use((_req, res) => {
    res.status(404).json({ error: 'Cette adresse n’existe pas.' });
  });
  // Unsigned request: the national fallback, never a territory named by the URL.
  app.use(createErrorHandler({ logger, voiceFallbackTwiml: fallbackTwiml }));
  return {
    express: app,
    requestListener: createVoiceLane({
      turns,
      isSigned: twilioSignatureCheck(settings.twilioAuthToken, settings.publicBaseUrl),
      securityHeaders: fixedSecurityHeaders(),
      metrics,
      logger,
      fallbackTwiml,
      next: directLine.lane({ securityHeaders: fixedSecurityHeaders(), trustProxy: app.get('trust proxy fn') as TrustProxy, next: app }),
    }),
    tickets,
    get places() {
      return runtimes.servedPlaces();
    },
    chat,
    directLine,
    staff,
    live,
    studio,
    afterListen(server) {
      internal.setFromServer(server);
      directLine.attachWebSocket(server);
    },
    close: async () => {
      await goneChats.stop();
      await advisorEvents.close();
      await directLine.close();
      await studio.close();
    },
  };
}
