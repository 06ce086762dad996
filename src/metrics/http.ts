/**
 * The HTTP side of the metrics: a middleware that times the requests of a router by route as
 * registered (never the raw path: no id, no number in a label), and the /metrics endpoint, behind
 * a bearer token when one is given.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { Metrics } from '../domain/ports';
import { UNMATCHED_ROUTE } from './labels';

/**
 * Times each request until its response is sent, labelled `prefix` + the path of the route that
 * answered it (`/voice` + `/step`); `unmatched` when no route did (refused signature, 404).
 */
export function timeRequests(metrics: Pick<Metrics, 'requestServed'>, kind: 'voice' | 'chat', prefix = ''): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requestServed(kind, routeOf(req, prefix), seconds);
    });
    next();
  };
}

function routeOf(req: Request, prefix: string): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${prefix}${path}` : UNMATCHED_ROUTE;
}

export interface MetricsSource {
  render(): Promise<{ contentType: string; body: string }>;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function hasBearerToken(req: Request, token: string): boolean {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(req.header('authorization') ?? '');
  return match !== null && timingSafeEqual(digest(match[1] as string), digest(token));
}

/** GET /metrics: the text exposition; with a token, 401 for any request without it. */
export function createMetricsRouter(source: MetricsSource, token: string | undefined): Router {
  const router = express.Router();
  router.get('/metrics', async (req, res) => {
    if (token !== undefined && !hasBearerToken(req, token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json({ error: 'A bearer token is required to read the metrics' });
      return;
    }
    const { contentType, body } = await source.render();
    res.status(200).set('Cache-Control', 'no-store').type(contentType).send(body);
  });
  return router;
}
