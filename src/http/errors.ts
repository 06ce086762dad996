/**
 * The service's one last error handler (mounted last in createApp), in place of express's default,
 * which prints the raw request (phone numbers, chat text) to stderr and answers an HTML stack trace.
 *
 * - `/voice/*`: Twilio is calling for a caller: whatever the error, valid TwiML that apologises and
 *   puts the caller through to a human (status 200, or Twilio would play its own error message).
 * - anything else: a JSON `{ error }` in plain French a client can show (400 bad JSON, 413 too large…, 500).
 * - one log line through pino: the method, the path, the error's type and status; never the body,
 *   and never a body-parser's message (it quotes the body).
 */
import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from '../logging';

export interface ErrorHandlerDeps {
  logger: Logger;
  /** The TwiML of last resort for a caller (apology + the national fallback). */
  voiceFallbackTwiml(req: Request): string;
}

interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  name?: unknown;
  code?: unknown;
  stack?: unknown;
}

/** What the client is told, by body-parser's error `type` (never the parser's own message). */
const CLIENT_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'La demande n’est pas lisible : son contenu n’est pas du JSON valide.',
  'entity.too.large': 'La demande est trop grande.',
  'parameters.too.many': 'La demande a trop de paramètres.',
  'encoding.unsupported': 'Le codage de la demande n’est pas accepté.',
  'charset.unsupported': 'Le jeu de caractères de la demande n’est pas accepté : utilisez UTF-8.',
  'entity.verify.failed': 'La demande a été refusée.',
  'request.aborted': 'La demande a été interrompue.',
  'request.size.invalid': 'La demande est incomplète : sa taille ne correspond pas.',
  'stream.encoding.set': 'La demande ne peut pas être lue.',
};

export interface ClassifiedError {
  status: number;
  message: string;
  /** body-parser's error type or the error's name: safe to log, never holds input. */
  kind: string;
}

export function classifyError(error: unknown): ClassifiedError {
  const err = (error ?? {}) as HttpErrorLike;
  const rawStatus = typeof err.status === 'number' ? err.status : typeof err.statusCode === 'number' ? err.statusCode : 500;
  const status = rawStatus >= 400 && rawStatus < 600 ? rawStatus : 500;
  const type = typeof err.type === 'string' ? err.type : undefined;
  const kind = type ?? (typeof err.name === 'string' ? err.name : 'Error');
  if (status >= 500) return { status: 500, message: 'Le service a rencontré un problème. Réessayez dans un instant.', kind };
  return { status, message: (type && CLIENT_MESSAGES[type]) ?? 'La demande n’est pas valide.', kind };
}

/** The stack's `at …` lines, without the first line (which repeats the message). */
function framesOf(error: unknown): string | undefined {
  const stack = (error as HttpErrorLike | undefined)?.stack;
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
}

export function createErrorHandler(deps: ErrorHandlerDeps): ErrorRequestHandler {
  const { logger } = deps;
  return (error: unknown, req, res, _next) => {
    const classified = classifyError(error);
    const where = { method: req.method, path: req.path, status: classified.status, errorType: classified.kind };
    if (classified.status >= 500) {
      // The frames help; the message may quote input (a JSON.parse of a stored record): left out.
      logger.error({ ...where, frames: framesOf(error) }, 'request failed');
    } else {
      logger.warn(where, 'request refused');
    }
    if (res.headersSent) {
      // Too late for an answer: end what was started rather than leave the client waiting.
      res.end();
      return;
    }
    if (req.originalUrl.startsWith('/voice/')) {
      res.status(200).type('text/xml').send(deps.voiceFallbackTwiml(req));
      return;
    }
    res.status(classified.status).json({ error: classified.message });
  };
}
