/**
 * What every request meets, first and last: the express app with its security headers and `trust
 * proxy` setting, the health and readiness checks, /metrics when this app serves it; and at the end the
 * pages, a French 404 and the one error handler (an unsigned voice request gets the national fallback,
 * never a territory named by the URL).
 */
import express, { type Express } from 'express';
import type { AppSettings } from '../appDeps';
import type { KeyValueStore } from '../domain/ports';
import { createErrorHandler } from '../http/errors';
import type { Logger } from '../logging';
import { createMetricsRouter, type PrometheusMetrics } from '../metrics';
import type { LiveConfig } from '../studio';
import { createWebRouter } from '../web/routes';
import { securityHeaders } from '../web/securityHeaders';

export function createExpressApp(deps: { store: KeyValueStore; live: LiveConfig; settings: AppSettings; metrics: PrometheusMetrics }): Express {
  const { store, live, settings } = deps;
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

  if (settings.metricsToken !== undefined) app.use(createMetricsRouter(deps.metrics, settings.metricsToken));
  return app;
}

/** The last routes: the pages' files, then a French 404, then the error handler. */
export function mountPagesAndFallbacks(app: Express, deps: { webPublicDir: string; logger: Logger; voiceFallbackTwiml: () => string }): void {
  app.use(createWebRouter(deps.webPublicDir));
  app.use((_req, res) => {
    res.status(404).json({ error: 'Cette adresse n’existe pas.' });
  });
  app.use(createErrorHandler({ logger: deps.logger, voiceFallbackTwiml: deps.voiceFallbackTwiml }));
}
