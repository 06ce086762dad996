/**
 * The web chat's wiring: a chat's turns on the version it started on (the consoles told when the
 * person writes or says words of danger), the sweep of gone chats, and our own channel: Direct Line,
 * the bot in this process behind its Bot Framework endpoint, and the advisors' relay.
 */
import type { Express } from 'express';
import { chatDangerAlerts, chatDangerDoubtAlerts } from '../advisors/dangerAlerts';
import { chatRelayGuard } from '../advisors/routes';
import { chatMessageNotices } from '../advisors/ticketNotices';
import { staffGivenName } from '../auth/session';
import { OrientationBot } from '../chat/bot';
import { createBotEndpoint } from '../chat/botEndpoint';
import { chatQueueName, type ChatTurns } from '../chat/chatTurns';
import { createChatTurns } from '../chat/createChat';
import { DEFAULT_GONE_CHATS_SWEEP_MS, startGoneChatsSweeper } from '../chat/goneSweeper';
import { createRelayRouter } from '../chat/relayRoutes';
import { CHANNEL_SECRET_HEADER, createDirectLine, createInternalAddress, deriveTokenKey, type DirectLine, type InternalAddress } from '../directline';
import type { OutgoingActivityInput } from '../directline/activity';
import { isInternalCall } from '../directline/connector-auth';
import { timeRequests } from '../metrics';
import { createWaitingRoom } from '../voice/waitingRoom';
import type { RedisStore } from '../storage/redis-store';
import type { Services } from './services';

/** A store on Redis (it runs scripts), not the embedded one. */
function isRedisStore(store: Services['store']): store is RedisStore {
  return typeof (store as Partial<RedisStore>).runScript === 'function';
}

/** The chat's turns, and the sweep of the chat queues (each département's and the national one) on a timer, whether the figures are read or not. */
export function createChat(s: Services): { chat: ChatTurns; stopSweeping(): Promise<void> } {
  const { store, keys, clock, logger, settings, tickets, runtimes, advisorEvents: events } = s;
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
    metrics: s.counting,
    departementsForPostcode: (postcode) => runtimes.servedPlaces().departementsForPostcode(postcode),
    people: s.people,
    onPersonWrote: chatMessageNotices({ tickets, events, clock, logger }),
    onDanger: chatDangerAlerts({ tickets, events, clock, logger }),
    onDangerDoubt: chatDangerDoubtAlerts({ tickets, events, clock, logger }),
  });
  const chatQueues = [...s.places.all().map((d) => chatQueueName(d.code)), chatQueueName(null)];
  const goneChats = startGoneChatsSweeper({ sweep: () => chat.sweepGone(chatQueues), everyMs: settings.goneChatsSweepMs ?? DEFAULT_GONE_CHATS_SWEEP_MS, logger });
  return { chat, stopSweeping: () => goneChats.stop() };
}

/** Our own chat channel on this app: /api/messages (the bot), Direct Line, the advisors' relay. */
export function mountChatChannel(app: Express, s: Services, chat: ChatTurns): { directLine: DirectLine; internal: InternalAddress } {
  const { store, keys, clock, logger, settings, metrics } = s;
  const internal = createInternalAddress();
  const directLine = createDirectLine({
    store,
    bus: s.bus,
    keys,
    clock,
    logger,
    tokenKey: deriveTokenKey(settings.dataKey),
    // Our own bot, in this process (the HTTP hop to /api/messages only when asked: the benchmark's old path).
    deliverToBot: s.chatBotHop === 'http' ? undefined : (activity) => botEndpoint.deliverOwn(activity),
    botEndpoint: internal.botEndpoint,
    connectorBaseUrl: internal.connectorBaseUrl,
    channelSecret: internal.channelSecret,
    isChannelSecret: internal.isChannelSecret,
    rateLimitRedis: s.rateLimitRedis,
    // The bus on the store's Redis: a turn's activities logged and announced in one script.
    ...(s.busOnStore && isRedisStore(store) ? { runScript: store.runScript } : {}),
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
  const requireAdvisor = chatRelayGuard({ verifier: s.verifier, tickets: s.tickets, service: s.advisors, chat, logger });
  app.use(createRelayRouter({ chat, channel: directLine, requireAdvisor, advisorFirstName: staffGivenName, logger }));
  return { directLine, internal };
}
