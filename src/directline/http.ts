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

/** Direct Line's answer to an error of a browser or bot route: its status, code and message (never quoting the input). */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
}

/** The answer to `error` (logged when it is the service's fault); `path` names the route in the log. */
export function errorAnswer(error: unknown, logger: Logger, path: string): ErrorAnswer {
  const err = error as { type?: string; status?: number } | undefined;
  if (error instanceof ActivityRejected) return { status: 400, code: 'BadArgument', message: error.message };
  if (error instanceof ConversationNotFoundError) return { status: 404, code: 'ConversationNotFound', message: error.message };
  if (error instanceof ConversationFull) return { status: 409, code: 'ConversationFull', message: 'This conversation is too long: please start a new one' };
  if (err?.type === 'entity.too.large') return { status: 413, code: 'BadArgument', message: 'The request body is too large' };
  if (err?.type === 'entity.parse.failed') return { status: 400, code: 'BadArgument', message: 'The request body is not valid JSON' };
  if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) return { status: err.status, code: 'BadArgument', message: 'The request is not valid' };
  if (error instanceof StoreUnavailableError) {
    logger.warn({ err: error, path }, 'chat request failed: store unavailable');
    return { status: 503, code: 'ServiceError', message: 'The chat is temporarily unavailable, try again' };
  }
  logger.error({ err: error, path }, 'chat request failed');
  return { status: 500, code: 'ServiceError', message: 'Internal error' };
}

/** Every error of the browser and bot routes as Direct Line's JSON; messages never quote the input. */
export function directLineErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, code, message } = errorAnswer(error, logger, req.path);
    sendError(res, status, code, message);
  };
}
