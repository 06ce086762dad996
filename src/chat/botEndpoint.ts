/**
 * The bot's two doors.
 *
 * In process, for our own chat channel (the self-hosted Direct Line of this service): `deliverOwn`
 * runs the bot's turn on the activity the channel hands it, and the bot's replies go straight back to
 * the channel (`replyToOwnChannel`): no HTTP hop, no Bot Framework authentication, no connector
 * client (OwnChannelAdapter). The channel already checked the user's token.
 *
 * POST /api/messages: the Bot Framework endpoint (CloudAdapter), for the other channels.
 *
 * Our own chat channel (the self-hosted Direct Line of this service) calls it over the loopback
 * address, naming its own connector as serviceUrl and carrying the channel secret: that call is
 * trusted as the channel itself, and the bot's replies go back to that connector with the channel
 * secret instead of Bot Framework credentials (nothing leaves the machine). Any other caller: with a Microsoft app id, the Bot Framework authenticates it (Azure
 * channels); without one (local mode) it is refused, so replies never go to an arbitrary serviceUrl.
 */
import { performance } from 'node:perf_hooks';
import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { BotAdapter, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, type AuthenticateRequestResult } from 'botframework-connector';
import type { Metrics } from '../domain/ports';
import type { Logger } from '../logging';
import type { OrientationBot } from './bot';

export interface BotSettings {
  microsoftAppId: string | undefined;
  microsoftAppPassword: string | undefined;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  microsoftAppTenantId: string | undefined;
}

export interface BotEndpointDeps {
  bot: OrientationBot;
  settings: BotSettings;
  /** True only for a call from our own channel (over loopback, with its secret), naming its own connector as serviceUrl. */
  isOwnChannel(req: Request, serviceUrl: string): boolean;
  /** What the bot's replies to our own channel's connector carry. */
  channelSecret: { header: string; value: string };
  logger: Logger;
  /** Times the in-process turns as the route's turns are (label `/api/messages`: one bot turn). */
  metrics: Pick<Metrics, 'requestServed'>;
  /**
   * Shows the bot's replies of one turn in our own channel's conversation, in order; resolves with
   * their ids. The activities are botbuilder's objects (dates as Date): serialise them, do not keep them.
   */
  replyToOwnChannel(conversationId: string, replies: ReadonlyArray<{ activity: Record<string, unknown>; replyToId: string | undefined }>): Promise<Array<{ id: string }>>;
}

export interface BotEndpoint {
  router: Router;
  /** Runs the bot's turn on an activity of our own channel, in this process; its replies go back to the channel. */
  deliverOwn(activity: object): Promise<void>;
}

const Account = z.looseObject({ id: z.string().min(1).max(256) });

/**
 * What every Bot Framework channel sends (ours and Azure's): checked before the adapter, which
 * otherwise throws on a malformed activity (a 500). Other fields pass through to botbuilder.
 */
export const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: Account,
  from: Account,
  recipient: Account.optional(),
  text: z.string().max(20_000).optional(),
});

/** Replies to our own channel's connector, on the loopback address: the channel secret, no Bot Framework token. */
class OwnChannelConnectorFactory extends ConnectorFactory {
  constructor(private readonly secret: { header: string; value: string }) {
    super();
  }

  create(serviceUrl: string): Promise<ConnectorClient> {
    const { header, value } = this.secret;
    const withSecret = {
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(request: T): Promise<T> => {
        request.headers.set(header, value);
        return request;
      },
    };
    return Promise.resolve(new ConnectorClient(withSecret, { baseUri: serviceUrl }));
  }
}

/**
 * The adapter of our own channel's turns, in process: the bot's replies are handed to the channel as
 * the bot made them, replying to the activity they answer; the channel serialises each once (as the
 * connector would have received it: JSON, dates as ISO strings). The bot neither updates nor deletes activities: as the channel's connector,
 * those are refused.
 */
class OwnChannelAdapter extends BotAdapter {
  constructor(private readonly reply: BotEndpointDeps['replyToOwnChannel']) {
    super();
  }

  /** The replies of a turn go to the channel together (one conversation: one read, one write of its log). */
  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (let start = 0; start < activities.length; ) {
      const conversationId = String(activities[start]?.conversation?.id);
      let end = start + 1;
      while (end < activities.length && String(activities[end]?.conversation?.id) === conversationId) end += 1;
      const replies = activities.slice(start, end).map((activity) => ({ activity: activity as Record<string, unknown>, replyToId: activity.replyToId }));
      responses.push(...(await this.reply(conversationId, replies)));
      start = end;
    }
    return responses;
  }

  /** `turn` runs no middleware: none may be added. */
  override use(): this {
    throw new Error('The own channel adapter runs no middleware');
  }

  updateActivity(): Promise<void> {
    return Promise.reject(new Error('This channel does not support updating an activity'));
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('This channel does not support deleting an activity'));
  }

  continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    return Promise.reject(new Error('This channel does not support proactive turns'));
  }

  /**
   * One turn of the bot on `activity` (errors go to onTurnError, as with the CloudAdapter). This
   * adapter has no middleware, so the turn skips `runMiddleware` (its revocable proxy of the context
   * and its empty middleware chain) and does what it does for the bot: the context's locale, the
   * logic, onTurnError on a failure.
   */
  async turn(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    if (activity.locale) context.locale = activity.locale;
    try {
      await logic(context);
    } catch (error) {
      if (!this.onTurnError) throw error;
      await this.onTurnError(context, error as Error);
    }
  }
}

class OrientationAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly botAppId: string,
    private readonly channelSecret: { header: string; value: string },
  ) {
    super(auth);
  }

  /** An activity our own channel delivered: the channel already checked the user's token. */
  processOwnChannelActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    const claims = [
      { type: AuthenticationConstants.AudienceClaim, value: this.botAppId },
      { type: AuthenticationConstants.AppIdClaim, value: this.botAppId },
    ];
    const result: AuthenticateRequestResult = {
      audience: this.botAppId,
      callerId: undefined,
      claimsIdentity: new ClaimsIdentity(claims, true),
      connectorFactory: new OwnChannelConnectorFactory(this.channelSecret),
    };
    return this.processActivity(result, activity, logic);
  }
}

export function createBotEndpoint(deps: BotEndpointDeps): BotEndpoint {
  const { settings } = deps;
  const localMode = !settings.microsoftAppId;
  const adapter = new OrientationAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: settings.microsoftAppId ?? '',
      MicrosoftAppPassword: settings.microsoftAppPassword ?? '',
      MicrosoftAppType: settings.microsoftAppType,
      MicrosoftAppTenantId: settings.microsoftAppTenantId ?? '',
    }),
    settings.microsoftAppId ?? '',
    deps.channelSecret,
  );
  const onTurnError = async (context: TurnContext, error: Error) => {
    await deps.bot.onTurnError(context, error);
  };
  adapter.onTurnError = onTurnError;
  const ownChannel = new OwnChannelAdapter(deps.replyToOwnChannel);
  ownChannel.onTurnError = onTurnError;

  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    const activity = IncomingActivitySchema.safeParse(req.body);
    if (!activity.success) {
      // Names the fields, never their values.
      res.status(400).json({ error: `Not a valid activity: ${activity.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ')}` });
      return;
    }
    const serviceUrl = activity.data.serviceUrl;
    if (deps.isOwnChannel(req, serviceUrl)) {
      try {
        await adapter.processOwnChannelActivity(req.body as Activity, (context) => deps.bot.run(context));
        res.status(200).end();
      } catch (error) {
        deps.logger.error({ err: error }, 'own channel activity failed');
        res.status(500).end();
      }
      return;
    }
    if (localMode) {
      deps.logger.warn({ serviceUrl: serviceUrl.slice(0, 200) }, 'local mode: activity from another channel refused');
      res.status(403).json({ error: 'Local mode: only this service’s own chat channel may call the bot' });
      return;
    }
    // Another Bot Framework channel: the adapter checks its token.
    await adapter.process(req, res, (context) => deps.bot.run(context));
  });
  return {
    router,
    async deliverOwn(activity) {
      const started = performance.now();
      await ownChannel.turn(activity as Activity, (context) => deps.bot.ownChannelTurn(context));
      deps.metrics.requestServed('chat', '/api/messages', (performance.now() - started) / 1000);
    },
  };
}
