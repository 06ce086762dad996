/**
 * The opening of a conversation, whoever received the request: the express routes
 * (browser-routes.ts) or the lean lane (lane.ts). `POST /chat/token` (a token for a new conversation,
 * rate-limited by the client's address) and `POST /v3/directline/conversations` (the conversation
 * started, the bot told). The caller has checked the token and read the client's address, protocol
 * and host as express's `trust proxy` reads them (client-address.ts for the lane).
 */
import { z } from 'zod';
import type { Clock } from '../domain/ports';
import { DIRECT_LINE_CHANNEL_ID, type ChannelAccount, type DirectLineActivity } from './activity';
import type { ConversationLog, ConversationRecord } from './conversations';
import type { RateLimiter } from './rate-limit';
import { newConversationId, newUserId, type ChatTokenClaims, type ChatTokens } from './tokens';

export interface OpeningDeps {
  tokens: ChatTokens;
  log: ConversationLog;
  tokenLimiter: RateLimiter;
  /** Queues an activity for the bot; `record` is its conversation's. */
  forward(activity: DirectLineActivity, record: ConversationRecord): void;
  /** The bot as the user's activities address it. */
  bot: ChannelAccount;
  clock: Clock;
  options: { defaultLocale: string; publicBaseUrl?: string | undefined };
}

/** Where the client reached us (express's req.protocol and req.host): the stream URL's base when no public URL is set. */
export interface RequestOrigin {
  protocol: string;
  host: string | undefined;
}

export type Answer =
  | { status: 200 | 201; body: Record<string, unknown> }
  | { status: 429; code: string; message: string; retryAfter: number };

const startBodySchema = z
  .object({ locale: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/).optional().catch(undefined) })
  .catch({ locale: undefined });

export interface Opening {
  /** POST /chat/token from `clientAddress` (express's req.ip). */
  token(clientAddress: string | undefined): Promise<Answer>;
  /** POST /v3/directline/conversations by the holder of `claims`, with the parsed body (undefined when none). */
  start(claims: ChatTokenClaims, body: unknown, origin: RequestOrigin): Promise<Answer>;
  streamUrl(origin: RequestOrigin, claims: ChatTokenClaims, token: string, watermark?: number): string;
}

export function createOpening(deps: OpeningDeps): Opening {
  const { tokens, log, tokenLimiter, bot, options } = deps;

  function userAccount(claims: ChatTokenClaims): ChannelAccount {
    return { id: claims.userId, role: 'user' };
  }

  function streamUrl(origin: RequestOrigin, claims: ChatTokenClaims, token: string, watermark?: number): string {
    let base = options.publicBaseUrl;
    if (!base) {
      const { host } = origin;
      base = `${origin.protocol}://${host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : 'localhost'}`;
    }
    const url = new URL(`${base.replace(/^http/, 'ws').replace(/\/+$/, '')}/v3/directline/conversations/${claims.conversationId}/stream`);
    if (watermark !== undefined && watermark > 0) url.searchParams.set('watermark', String(watermark));
    url.searchParams.set('t', token);
    return url.toString();
  }

  return {
    streamUrl,

    async token(clientAddress) {
      const retryAfter = await tokenLimiter.hit(clientAddress ?? 'unknown');
      if (retryAfter > 0) return { status: 429, code: 'TooManyRequests', message: 'Too many chats started from this address, try again later', retryAfter };
      const issued = tokens.issue(newConversationId(), newUserId());
      return { status: 200, body: { token: issued.token, conversationId: issued.claims.conversationId, expires_in: issued.expiresIn } };
    },

    async start(claims, body, origin) {
      const { locale } = startBodySchema.parse(body ?? {});
      const record: ConversationRecord = {
        conversationId: claims.conversationId,
        userId: claims.userId,
        locale: locale ?? options.defaultLocale,
        createdAt: deps.clock.now().toISOString(),
      };
      const created = await log.create(record);
      const issued = tokens.issue(claims.conversationId, claims.userId);
      if (created) {
        deps.forward(
          {
            type: 'conversationUpdate',
            id: `${claims.conversationId}|start`,
            timestamp: record.createdAt,
            channelId: DIRECT_LINE_CHANNEL_ID,
            conversation: { id: claims.conversationId },
            from: userAccount(claims),
            recipient: bot,
            locale: record.locale,
            membersAdded: [bot, userAccount(claims)],
          },
          record,
        );
      }
      return {
        status: created ? 201 : 200,
        body: { conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn, streamUrl: streamUrl(origin, claims, issued.token) },
      };
    },
  };
}
