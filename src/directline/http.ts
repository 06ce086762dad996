/** Direct Line's HTTP conventions: its error shape `{ error: { code, message } }`, no caching, one error handler. */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { StoreUnavailableError } from '../domain/ports';
import type { Logger } from '../logging';
import { ActivityRejected } from './activity';
import { ConversationFull } from './conversations';

export class ConversationNotFoundError extends Error {
  constructor() {
    super('This conversation does not exist or has expired');
    this.name = 'ConversationNotFoundError';
  }
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export const noStore: RequestHandler = (_req, res, next) => {
  res.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  next();
};

/** Every error of the browser and bot routes as Direct Line's JSON; messages never quote the input. */
export function directLineErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const err = error as { type?: string; status?: number } | undefined;
    if (error instanceof ActivityRejected) return sendError(res, 400, 'BadArgument', error.message);
    if (error instanceof ConversationNotFoundError) return sendError(res, 404, 'ConversationNotFound', error.message);
    if (error instanceof ConversationFull) return sendError(res, 409, 'ConversationFull', 'This conversation is too long: please start a new one');
    if (err?.type === 'entity.too.large') return sendError(res, 413, 'BadArgument', 'The request body is too large');
    if (err?.type === 'entity.parse.failed') return sendError(res, 400, 'BadArgument', 'The request body is not valid JSON');
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      return sendError(res, err.status, 'BadArgument', 'The request is not valid');
    }
    if (error instanceof StoreUnavailableError) {
      logger.warn({ err: error, path: req.path }, 'chat request failed: store unavailable');
      return sendError(res, 503, 'ServiceError', 'The chat is temporarily unavailable, try again');
    }
    logger.error({ err: error, path: req.path }, 'chat request failed');
    sendError(res, 500, 'ServiceError', 'Internal error');
  };
}
