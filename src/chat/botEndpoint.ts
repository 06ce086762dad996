/**
 * POST /api/messages: the Bot Framework endpoint (CloudAdapter). With a Microsoft app id, activities
 * are authenticated by the Bot Framework; without one (local mode) only our own channel may call it,
 * so replies never go to an arbitrary serviceUrl.
 */
import express, { type Request, type Router } from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
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
  /** Local mode: true only for a call from our own channel, naming its own connector as serviceUrl. */
  isOwnChannel(req: Request, serviceUrl: string): boolean;
  apology: string;
  logger: Logger;
}

export function createBotEndpoint(deps: BotEndpointDeps): Router {
  const { settings } = deps;
  const localMode = !settings.microsoftAppId;
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: settings.microsoftAppId ?? '',
      MicrosoftAppPassword: settings.microsoftAppPassword ?? '',
      MicrosoftAppType: settings.microsoftAppType,
      MicrosoftAppTenantId: settings.microsoftAppTenantId ?? '',
    }),
  );
  adapter.onTurnError = async (context, error) => {
    await deps.bot.onTurnError(context, error, deps.apology);
  };

  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    const serviceUrl = typeof req.body?.serviceUrl === 'string' ? req.body.serviceUrl : '';
    if (localMode && !deps.isOwnChannel(req, serviceUrl)) {
      deps.logger.warn({ serviceUrl: serviceUrl.slice(0, 200) }, 'local mode: activity from another channel refused');
      res.status(403).json({ error: 'Local mode: only this service’s own chat channel may call the bot' });
      return;
    }
    await adapter.process(req, res, (context) => deps.bot.run(context));
  });
  return router;
}
