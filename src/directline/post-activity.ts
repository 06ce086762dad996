/**
 * A user's activity posted to their conversation (POST /v3/directline/conversations/:id/activities),
 * whoever received it: the express route (browser-routes.ts) or the lean lane (lane.ts). The caller
 * has parsed the JSON body and checked the token; this checks the rest, logs the activity and hands
 * back what to answer and how to give the activity to the bot afterwards.
 *
 * Few round trips: the rate limit and the conversation record are read together; the activity is
 * logged and the record's TTL renewed in one script. The activity goes to the bot without waiting for
 * the bus to confirm its announcement (issued first, so the bot's replies are announced after it).
 */
import type { Clock } from '../domain/ports';
import { DIRECT_LINE_CHANNEL_ID, parseUserActivity, type ChannelAccount, type DirectLineActivity, type NewActivity } from './activity';
import type { ConversationLog, ConversationRecord } from './conversations';
import type { RateLimiter } from './rate-limit';
import type { ChatTokenClaims } from './tokens';

export type PostOutcome =
  | { status: 200; id: string; /** Gives the activity to the bot: call it once the answer is sent. */ forward(): void }
  | { status: 404 | 429; code: string; message: string; retryAfter?: number };

export interface ActivityPosterDeps {
  log: ConversationLog;
  postLimiter: RateLimiter;
  /** The bot as the user's activities address it. */
  bot: ChannelAccount;
  clock: Clock;
  /** Queues the activity for the bot; `record` is the conversation's, read for this turn. */
  forward(activity: DirectLineActivity, record: ConversationRecord): void;
}

/** Throws ActivityRejected (400), ConversationFull (409) or a store error, as the routes answer them. */
export type ActivityPoster = (claims: ChatTokenClaims, body: unknown) => Promise<PostOutcome>;

export function createActivityPoster(deps: ActivityPosterDeps): ActivityPoster {
  const { log, postLimiter, bot } = deps;
  return async (claims, body) => {
    const { conversationId } = claims;
    const reading = log.get(conversationId);
    // Not awaited when the limit answers first: its failure is then of no interest.
    reading.catch(() => undefined);
    const retryAfter = await postLimiter.hit(conversationId);
    if (retryAfter > 0) return { status: 429, code: 'TooManyRequests', message: 'Too many messages, slow down', retryAfter };
    const fields = parseUserActivity(body);
    const record = await reading;
    if (!record) return { status: 404, code: 'ConversationNotFound', message: 'This conversation does not exist or has expired' };
    const { fromName, ...rest } = fields;
    const from: ChannelAccount = fromName ? { id: claims.userId, name: fromName, role: 'user' } : { id: claims.userId, role: 'user' };
    const activity: NewActivity = {
      ...rest,
      type: fields.type,
      timestamp: deps.clock.now().toISOString(),
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: conversationId },
      from,
      recipient: bot,
      locale: fields.locale ?? record.locale,
    };
    let posted: DirectLineActivity;
    if (fields.type === 'typing') {
      posted = await log.announceEphemeral(activity);
    } else {
      // The record's TTL renewed in the same script (one command for both).
      ({ activity: posted } = await log.append(activity, true));
    }
    return { status: 200, id: posted.id, forward: () => deps.forward(posted, record) };
  };
}
