/**
 * The composition of the web service: builds the express app from its dependencies and never
 * listens (main.ts does). Tests build it with their own store, clock and configuration.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { createTokenVerifier, type AdvisorAuthSettings } from './advisors/auth';
import { createAuditTrail } from './advisors/audit';
import { chatDangerAlerts } from './advisors/dangerAlerts';
import { dangerDialNumber, detectDanger } from './safety';
import { createAdvisorEvents } from './advisors/events';
import { createObservatory } from './advisors/observatory';
import { openApiDocument } from './advisors/openapi';
import { chatRelayGuard, createAdvisorRouter } from './advisors/routes';
import { createAdvisorService } from './advisors/service';
import { OrientationBot } from './chat/bot';
import { createBotEndpoint, type BotSettings } from './chat/botEndpoint';
import type { ChatTurns } from './chat/chatTurns';
import { createChatTurns } from './chat/createChat';
import { createRelayRouter } from './chat/relayRoutes';
import type { AppConfig } from './config/appConfig';
import { createDirectLine, createInternalAddress, deriveTokenKey, type DirectLine } from './directline';
import { isInternalCall } from './directline/connector-auth';
import type { Clock, KeyValueStore, MessageBus } from './domain/ports';
import { createWebRouter } from './web/routes';
import type { Logger } from './logging';
import { withLazyChildren } from './http/lazyChildLogger';
import { createPlaces, type Places } from './places/places';
import { decideRoute } from './routing/decide';
import { lastDigits, maskEmail, openText, sealText } from './security/seal';
import { storeKeys as defaultStoreKeys, type StoreKeys } from './storage/keys';
import { ticketRefFor } from './tickets/ref';
import { createTicketStore, territoryOfTicket, type TicketStore } from './tickets/ticket-store';
import { createCallMachine, type PlaceFinder, type SealedEmail, type SealedNumber } from './voice/callMachine';
import { CallTurns } from './voice/callTurns';
import { createVoiceRouter } from './voice/routes';
import { TwimlRenderer } from './voice/twiml';
import { voiceUrls } from './voice/urls';
import { createWaitingRoom } from './voice/waitingRoom';

export interface AppSettings {
  publicBaseUrl: string;
  twilioAuthToken: string;
  /** Seals callback numbers. */
  dataKey: Buffer;
  callTtlSeconds: number;
  ticketTtlDays: number;
  /** How advisors' bearer JWTs are verified (JWKS of the identity provider, or a development key). */
  advisorAuth: AdvisorAuthSettings;
  chatTtlSeconds: number;
  bot: BotSettings;
  /** Folder of the chat page's files (src/web/public of the repository). */
  webPublicDir: string;
}

export interface AppDeps {
  config: AppConfig;
  store: KeyValueStore;
  bus: MessageBus;
  clock: Clock;
  logger: Logger;
  settings: AppSettings;
  keys?: StoreKeys;
}

export interface App {
  express: Express;
  tickets: TicketStore;
  places: Places;
  chat: ChatTurns;
  directLine: DirectLine;
  /** Once the server listens: the chat channel learns its internal address and serves WebSockets. */
  afterListen(server: Server): void;
  /** Closes the chat streams and waits for deliveries to the bot. */
  close(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const { config, store, clock, logger, settings } = deps;
  const keys = deps.keys ?? defaultStoreKeys;
  const places = createPlaces({ postcodeOverrides: config.territories.national.postcodeOverrides });
  const placeFinder: PlaceFinder = {
    departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
    get: (code) => places.get(code),
    findByName: (text) => {
      const found = places.findByName(text);
      return found ? [found] : [];
    },
  };
  const route = (departement: string | null, now: Date) => decideRoute(config.territories, departement, now);
  const sealPhoneNumber = (e164: string): SealedNumber => ({ sealed: sealText(settings.dataKey, e164), lastDigits: lastDigits(e164, 2) });
  const sealEmail = (email: string): SealedEmail => ({ sealed: sealText(settings.dataKey, email), hint: maskEmail(email) });
  const verifier = createTokenVerifier(settings.advisorAuth, clock);
  const advisorEvents = createAdvisorEvents({ bus: deps.bus, keys, verifier, logger });
  const tickets = createTicketStore(store, {
    ttlDays: settings.ticketTtlDays,
    clock,
    keys,
    // Waiting calls and chats, callbacks: the consoles of the ticket's territory hear of it at once.
    onSaved: (ticket, change) =>
      void advisorEvents.publish({
        type: change === 'created' ? 'ticket.created' : 'ticket.updated',
        ref: ticket.ref,
        territory: territoryOfTicket(ticket),
        channel: ticket.channel,
        kind: ticket.kind,
        priority: ticket.priority,
        ...(change === 'created' ? { status: 'new' as const, level: 1 } : {}),
        at: ticket.updatedAt,
      }),
  });
  const advisors = createAdvisorService({
    store,
    keys,
    tickets,
    audit: createAuditTrail(store, keys, { ticketTtlDays: settings.ticketTtlDays, clock }),
    observatory: createObservatory(store, keys),
    events: advisorEvents,
    clock,
    ticketTtlDays: settings.ticketTtlDays,
    openSealed: (sealed) => openText(settings.dataKey, sealed),
    logger,
  });
  const urls = voiceUrls(settings.publicBaseUrl);
  const renderer = new TwimlRenderer(config.prompts, config.flow, urls);
  const waitingRoom = createWaitingRoom(store, keys, settings.callTtlSeconds);
  const departementName = (code: string) => places.get(code)?.name;
  const machine = createCallMachine({
    flow: config.flow,
    places: placeFinder,
    decideRoute: route,
    sealPhoneNumber,
    sealEmail,
    ticketRefFor,
    detectDanger,
    dangerNumber: dangerDialNumber(config.safetyMessages),
  });
  const turnDeps = { flow: config.flow, departement: (code: string) => places.get(code) };
  const calls = new CallTurns({
    machine,
    store,
    keys,
    tickets,
    renderer,
    turnDeps,
    waitingRoom,
    clock,
    callTtlSeconds: settings.callTtlSeconds,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ready', store: 'ok', config: 'loaded', territories: Object.keys(config.territories.territories).length });
    } catch {
      res.status(503).json({ status: 'not ready', store: 'unreachable', config: 'loaded' });
    }
  });

  app.use(
    '/voice',
    createVoiceRouter({
      calls,
      tickets,
      waitingRoom,
      renderer,
      flow: config.flow,
      emergency: {
        decideRoute: route,
        apology: config.prompts.text('technicalProblem'),
        voice: config.flow.gather.voice,
        language: config.flow.gather.language,
        lastResortQueue: 'cercle-national',
      },
      departementName,
      sealPhoneNumber,
      urls,
      clock,
      logger: withLazyChildren(logger),
      twilioAuthToken: settings.twilioAuthToken,
      publicBaseUrl: settings.publicBaseUrl,
    }),
  );

  const chat = createChatTurns({
    config,
    machine,
    turnDeps,
    store,
    keys,
    tickets,
    waitingRoom,
    clock,
    chatTtlSeconds: settings.chatTtlSeconds,
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
  });
  const openApi = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(advisorEvents.router);
  app.use(createAdvisorRouter({ service: advisors, verifier, tickets, logger, chatMode: (conversationId) => chat.mode(conversationId) }));

  const internal = createInternalAddress();
  const directLine = createDirectLine({
    store,
    bus: deps.bus,
    keys,
    clock,
    logger,
    tokenKey: deriveTokenKey(settings.dataKey),
    botEndpoint: internal.botEndpoint,
    connectorBaseUrl: internal.connectorBaseUrl,
    options: { connectorAuth: { appId: settings.bot.microsoftAppId } },
  });
  const bot = new OrientationBot(chat, clock, logger);
  app.use(
    createBotEndpoint({
      bot,
      settings: settings.bot,
      isOwnChannel: (req, serviceUrl) => serviceUrl.replace(/\/+$/, '') === internal.connectorBaseUrl() && isInternalCall(req, internal.baseUrl()),
      apology: config.chatPrompts.text('chat.error'),
      logger,
    }),
  );
  app.use(directLine.router);
  app.use(createRelayRouter({ chat, channel: directLine, requireAdvisor: chatRelayGuard({ verifier, tickets, service: advisors, chat, logger }), logger }));
  app.use(createWebRouter(settings.webPublicDir));

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  return {
    express: app,
    tickets,
    places,
    chat,
    directLine,
    afterListen(server) {
      internal.setFromServer(server);
      directLine.attachWebSocket(server);
    },
    close: () => directLine.close(),
  };
}

/** Where the chat page's files are, from the repository root. */
export function webPublicDirIn(repositoryRoot: string): string {
  return join(repositoryRoot, 'src', 'web', 'public');
}
