/**
 * A user's activity posted to their conversation (POST /v3/directline/conversations/:id/activities),
 * whoever received it: the express route (browser-routes.ts) or the lean lane (lane.ts). The caller
 * has parsed the JSON body and checked the token; this checks the rest, logs the activity and hands
 * back what to answer and how to give the activity to the bot afterwards.
 *
 * Few round trips: when the log appends in one script and the activity names its locale (Web Chat's
 * always do), the record is read, the activity logged and announced and the record's TTL renewed by
 * one script after the rate limit; otherwise the rate limit and the record are read together, then the
 * activity logged with the record's TTL renewed in one script. The activity goes to the bot without waiting for
 * the bus to confirm its announcement (issued first, so the bot's replies are announced after it).
 */
import type { Clock } from '../domain/ports';
import { DIRECT_LINE_CHANNEL_ID, parseUserActivity, type ChannelAccount, type DirectLineActivity, type NewActivity, type UserActivityFields } from './activity';
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

  function activityOf(claims: ChatTokenClaims, fields: UserActivityFields, locale: string | undefined): NewActivity {
    const { fromName, ...rest } = fields;
    const from: ChannelAccount = fromName ? { id: claims.userId, name: fromName, role: 'user' } : { id: claims.userId, role: 'user' };
    return {
      ...rest,
      type: fields.type,
      timestamp: deps.clock.now().toISOString(),
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: claims.conversationId },
      from,
      recipient: bot,
      locale,
    };
  }

  return async (claims, body) => {
    const { conversationId } = claims;
    // Checked first, its refusal (400) answered after the rate limit's (429), as before.
    let fields: UserActivityFields | undefined;
    let rejected: unknown;
    try {
      fields = parseUserActivity(body);
    } catch (error) {
      rejected = error;
    }
    // A logged activity that names its locale needs nothing of the record to be written: the record is
    // then read by the append's own script (one command), else beside the rate limit as before.
    const inOneScript = log.appendToRecord !== undefined && fields !== undefined && fields.type !== 'typing' && fields.locale !== undefined;
    const reading = inOneScript ? undefined : log.get(conversationId);
    // Not awaited when the limit answers first: its failure is then of no interest.
    reading?.catch(() => undefined);
    const retryAfter = await postLimiter.hit(conversationId);
    if (retryAfter > 0) return { status: 429, code: 'TooManyRequests', message: 'Too many messages, slow down', retryAfter };
    if (fields === undefined) throw rejected;
    if (inOneScript && log.appendToRecord) {
      const logged = await log.appendToRecord(activityOf(claims, fields, fields.locale));
      if (!logged) return notFound();
      return { status: 200, id: logged.activity.id, forward: () => deps.forward(logged.activity, logged.record) };
    }
    const record = await reading;
    if (!record) return notFound();
    const activity = activityOf(claims, fields, fields.locale ?? record.locale);
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

function notFound(): PostOutcome {
  return { status: 404, code: 'ConversationNotFound', message: 'This conversation does not exist or has expired' };
}
