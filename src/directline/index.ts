/**
 * A self-hosted Direct Line 3.0 channel: the subset the official Web Chat (botframework-webchat 4.18,
 * botframework-directlinejs 0.15) calls, plus the Bot Connector endpoints the bot replies to. Nothing
 * leaves our servers; conversations live in the shared store, so any process can serve any request.
 *
 * Browser side (public):
 *   POST /chat/token                                        → { token, conversationId, expires_in }
 *   POST /v3/directline/conversations                       → 201 (200 if started) { conversationId, token, expires_in, streamUrl }
 *   GET  /v3/directline/conversations/:id?watermark=        → { conversationId, token, expires_in, streamUrl }
 *   POST /v3/directline/conversations/:id/activities        → { id }
 *   GET  /v3/directline/conversations/:id/activities?watermark= → { activities, watermark }
 *   POST /v3/directline/tokens/refresh                      → { conversationId, token, expires_in }
 *   WS   /v3/directline/conversations/:id/stream?t=&watermark=
 * Bot side (internal, see connector-auth.ts), under /directline/connector:
 *   POST /v3/conversations/:id/activities[/:replyToId]     → { id }
 *   GET  /v3/conversations/:id/members, /members/:memberId, /pagedmembers, /activities/:activityId/members
 *   405 for what Direct Line does not do either (update, delete, history, attachments, create conversation)
 *
 * Errors are Direct Line's `{ error: { code, message } }`; messages never quote the input.
 *
 * This file wires the parts: options.ts (deps, options, defaults), browser-routes.ts and
 * connector-routes.ts (the two sides), http.ts (errors), conversations.ts (the shared log), stream.ts
 * (WebSocket), tokens.ts, rate-limit.ts, bot-forwarder.ts (to the bot and its failure answer),
 * post-activity.ts (a user's activity, whoever received it), opening.ts (a chat's token and start,
 * whoever received them) and lane.ts (the lean node:http lane of those three).
 */
import express from 'express';
import {
  DIRECT_LINE_CHANNEL_ID,
  outgoingContent,
  trustedOutgoingActivity,
  type ChannelAccount,
  type DirectLineActivity,
  type NewActivity,
  type OutgoingActivityInput,
} from './activity';
import { createBotForwarder, httpDelivery } from './bot-forwarder';
import { createBrowserRouter, PAGE_SIZE } from './browser-routes';
import { createConnectorRouter } from './connector-routes';
import { createConversationLog, type ConversationRecord } from './conversations';
import { ConversationNotFoundError, directLineErrors } from './http';
import { CHANNEL_SECRET_HEADER } from './internal-address';
import { DEFAULT_BOT_FAILURE_TEXT, resolveOptions, type DirectLine, type DirectLineDeps } from './options';
import { createDirectLineLane } from './lane';
import { createOpening } from './opening';
import { createActivityPoster } from './post-activity';
import { createRateLimiter } from './rate-limit';
import { createStreamServer } from './stream';
import { CONVERSATION_ID_PATTERN, createChatTokens } from './tokens';

export { deriveTokenKey } from './tokens';
export { CHANNEL_SECRET_HEADER, createInternalAddress, type InternalAddress } from './internal-address';
export type { DirectLineActivity, OutgoingActivityInput, ChannelAccount } from './activity';
export type { ConversationRecord } from './conversations';
export type { ConnectorAuthOptions } from './connector-auth';
export type { TrustProxy } from './client-address';
export { ConversationNotFoundError } from './http';
export { DEFAULT_BOT_FAILURE_TEXT, type DirectLine, type DirectLineDeps, type DirectLineOptions } from './options';

export function createDirectLine(deps: DirectLineDeps): DirectLine {
  const { store, bus, keys, clock, logger } = deps;
  const options = resolveOptions(deps.options);
  const bot: ChannelAccount = { id: options.bot.id, name: options.bot.name, role: 'bot' };
  const botFailureText = options.botFailureText ?? DEFAULT_BOT_FAILURE_TEXT;

  const tokens = createChatTokens({ key: deps.tokenKey, clock, ttlSeconds: options.tokenTtlSeconds });
  const log = createConversationLog({
    store,
    bus,
    keys,
    clock,
    logger,
    ttlSeconds: options.conversationTtlSeconds,
    maxActivities: options.maxActivitiesPerConversation,
    ...(deps.runScript ? { runScript: deps.runScript } : {}),
  });
  const streams = createStreamServer({
    tokens,
    log,
    bus,
    clock,
    logger,
    keepAliveMs: options.keepAliveMs,
    maxBatch: PAGE_SIZE,
    maxConnections: options.maxStreams,
  });
  const shared = (name: string) => (deps.rateLimitRedis ? { redisClient: deps.rateLimitRedis, keyPrefix: keys.rateLimit(name) } : undefined);
  const tokenLimiter = createRateLimiter(options.tokenRateLimit, shared('chat-token'));
  const postLimiter = createRateLimiter(options.postRateLimit, shared('chat-post'));
  const now = () => clock.now();

  async function appendOutgoing(conversationId: string, input: OutgoingActivityInput, replyToId?: string): Promise<DirectLineActivity> {
    const [activity] = await appendOutgoingAll(conversationId, [{ input, replyToId }]);
    return activity!;
  }

  /** The bot side's activities of one conversation, in order: the conversation read once, the messages logged together. */
  async function appendOutgoingAll(conversationId: string, items: ReadonlyArray<{ input: OutgoingActivityInput; replyToId?: string | undefined }>): Promise<DirectLineActivity[]> {
    if (!CONVERSATION_ID_PATTERN.test(conversationId)) throw new ConversationNotFoundError();
    // The record read for the user's activity of this turn, if the bot answers it; else read now.
    const record = turnRecords.get(conversationId) ?? (await log.get(conversationId));
    if (!record) throw new ConversationNotFoundError();
    const results: DirectLineActivity[] = [];
    let pending: NewActivity[] = [];
    const flush = async () => {
      results.push(...(await log.appendAll(pending)));
      pending = [];
    };
    for (const { input, replyToId } of items) {
      const activity = outgoingActivity(record, conversationId, input, replyToId);
      if (input.type !== 'typing') {
        pending.push(activity);
        continue;
      }
      // Typing is announced, never logged, in its place among the others.
      await flush();
      results.push(await log.announceEphemeral(activity));
    }
    await flush();
    return results;
  }

  function outgoingActivity(record: ConversationRecord, conversationId: string, input: OutgoingActivityInput, replyToId: string | undefined): NewActivity {
    const content = outgoingContent(input);
    const fromId = input.from?.id && input.from.id !== record.userId ? input.from.id : bot.id;
    const activity: NewActivity = {
      ...content,
      type: input.type,
      timestamp: now().toISOString(),
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: conversationId },
      from: { id: fromId, name: input.from?.name ?? bot.name, role: 'bot' },
      recipient: { id: record.userId, role: 'user' },
    };
    if (activity.replyToId === undefined && replyToId) activity.replyToId = replyToId;
    if (activity.locale === undefined && record.locale) activity.locale = record.locale;
    return activity;
  }

  const forwarder = createBotForwarder({
    deliver: deps.deliverToBot ?? httpDelivery({ ...deps, timeoutMs: options.botTimeoutMs, headers: { [CHANNEL_SECRET_HEADER]: deps.channelSecret }, serviceUrl: deps.connectorBaseUrl }),
    logger,
    async onFailure(activity) {
      // Never lost: a message the bot did not take gets an answer that points to a human.
      if (activity.type !== 'message') return;
      await appendOutgoing(activity.conversation.id, { type: 'message', text: botFailureText, inputHint: 'acceptingInput' }, activity.id);
    },
    onIdle: (conversationId) => turnRecords.delete(conversationId),
  });
  /**
   * The records of the conversations whose activities are with the bot (its record never changes
   * once created): the bot's replies of those turns do not read it again.
   */
  const turnRecords = new Map<string, ConversationRecord>();
  const forward = (activity: DirectLineActivity, record: ConversationRecord) => {
    turnRecords.set(activity.conversation.id, record);
    forwarder.forward(activity);
  };
  const postActivity = createActivityPoster({ log, postLimiter, bot, clock, forward });
  const opening = createOpening({ tokens, log, tokenLimiter, forward, bot, clock, options });

  const router = express.Router();
  router.use(createBrowserRouter({ tokens, log, opening, postActivity, logger, options }));
  router.use(
    '/directline/connector',
    createConnectorRouter({
      log,
      connectorAuth: options.connectorAuth ?? {},
      connectorBaseUrl: () => deps.connectorBaseUrl(),
      isChannelSecret: (value) => deps.isChannelSecret(value),
      appendOutgoing,
    }),
  );
  router.use(directLineErrors(logger));

  return {
    router,
    lane: ({ securityHeaders, trustProxy, next }) => createDirectLineLane({ tokens, postActivity, opening, trustProxy, securityHeaders, allowedOrigins: options.allowedOrigins, logger, next }),
    attachWebSocket: (server) => streams.attach(server),
    handleUpgrade: (req, socket, head) => streams.handleUpgrade(req, socket, head),
    // Our own bot and relay, in this process: checked without zod's copy (the connector's HTTP route parses).
    appendBotActivity: (conversationId, activity, replyToId) => appendOutgoing(conversationId, trustedOutgoingActivity(activity), replyToId),
    appendBotActivities: (conversationId, activities) =>
      appendOutgoingAll(
        conversationId,
        activities.map(({ activity, replyToId }) => ({ input: trustedOutgoingActivity(activity), replyToId })),
      ),
    transcript: (conversationId) => (CONVERSATION_ID_PATTERN.test(conversationId) ? log.transcript(conversationId) : Promise.resolve([])),
    conversation: (conversationId) => (CONVERSATION_ID_PATTERN.test(conversationId) ? log.get(conversationId) : Promise.resolve(null)),
    async close() {
      await streams.close();
      await forwarder.drain();
    },
  };
}
