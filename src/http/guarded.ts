/**
 * A route handler whose unexpected failure (the store down, a bug) is logged and answered 503 with
 * a short message, unless an answer has already started.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logging';

export function unavailableOnFailure(logger: Logger, what: string, message: string) {
  return (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
    async (req, res) => {
      try {
        await handler(req, res);
      } catch (error) {
        logger.error({ err: error }, `${what} failed`);
        if (!res.headersSent) res.status(503).json({ error: message });
      }
    };
}
