/**
 * POST /api/messages: the Bot Framework endpoint (CloudAdapter).
 *
 * Our own chat channel (the self-hosted Direct Line of this service) calls it over the loopback
 * address, naming its own connector as serviceUrl and carrying the channel secret: that call is
 * trusted as the channel itself, and the bot's replies go back to that connector with the channel
 * secret instead of Bot Framework credentials (nothing leaves the machine). Any other caller: with a Microsoft app id, the Bot Framework authenticates it (Azure
 * channels); without one (local mode) it is refused, so replies never go to an arbitrary serviceUrl.
 */
import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, type AuthenticateRequestResult } from 'botframework-connector';
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
  apology: string;
  logger: Logger;
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

export function createBotEndpoint(deps: BotEndpointDeps): Router {
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
  adapter.onTurnError = async (context, error) => {
    await deps.bot.onTurnError(context, error, deps.apology);
  };

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
  return router;
}
