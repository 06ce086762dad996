/**
 * The lean lane of the voice webhooks: a plain node:http listener, ahead of express, that answers the
 * four turn webhooks (src/voice/turnWebhooks.ts) of a well-formed Twilio request, the hot path of a
 * call, and hands every other request to express untouched.
 *
 * It answers exactly as the express route does (same parameters checked by the same zod schemas, same
 * signature check, same TwiML, same security headers, same metrics) at a fraction of the CPU: no
 * router, no body-parser, no middleware chain. What it does not take (another method or path, a body
 * that is not plain UTF-8 form data of a declared length under 64 KB) goes to express, which handles
 * it as before.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parse as parseQuery } from 'node:querystring';
import type { Metrics } from '../domain/ports';
import { SIGNATURE_REFUSED, type twilioSignatureCheck } from '../http/twilioSignature';
import type { Logger } from '../logging';
import { UNMATCHED_ROUTE } from '../metrics/labels';
import { requestIdOf, type Query, type TurnWebhook } from './turnWebhooks';

export interface VoiceLaneDeps {
  turns: readonly TurnWebhook[];
  isSigned: ReturnType<typeof twilioSignatureCheck>;
  /** The security headers of every answer (flat list: name, value…). */
  securityHeaders: readonly string[];
  metrics: Pick<Metrics, 'requestServed'>;
  logger: Logger;
  /** The TwiML of last resort (apology + the national fallback), for a body that cannot be read. */
  fallbackTwiml(): string;
  /** Everything the lane does not answer (the express app). */
  next: RequestListener;
}

/** As express.urlencoded({ limit: '64kb' }) and body-parser's parameter limit. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_PARAMETERS = 1000;
const FORM_TYPE = /^application\/x-www-form-urlencoded[ \t]*(?:;[ \t]*charset="?utf-8"?[ \t]*)?$/i;
const NO_QUERY: Query = Object.freeze(Object.create(null) as Query);

/** A request the lane can take: a form body of a declared, bounded length, in plain UTF-8. */
function isPlainForm(req: IncomingMessage): boolean {
  const { headers } = req;
  const length = Number(headers['content-length']);
  return (
    length >= 0 &&
    length <= MAX_BODY_BYTES &&
    headers['transfer-encoding'] === undefined &&
    (headers['content-encoding'] === undefined || headers['content-encoding'] === 'identity') &&
    FORM_TYPE.test(headers['content-type'] ?? '')
  );
}

/** The form's parameters (a repeated name gives a list, as body-parser does); null when there are too many. */
export function parseForm(text: string): Record<string, string | string[]> | null {
  const form = Object.create(null) as Record<string, string | string[]>;
  if (text === '') return form;
  let count = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    if (++count > MAX_PARAMETERS) return null;
    const previous = form[name];
    form[name] = previous === undefined ? value : typeof previous === 'string' ? [previous, value] : [...previous, value];
  }
  return form;
}

export function createVoiceLane(deps: VoiceLaneDeps): RequestListener {
  const byPath = new Map(deps.turns.map((turn) => [`/voice${turn.path}`, turn]));
  // Each answer's headers, its length last: `writeHead` copies them into the response's header text
  // at once, so one list per kind is filled in just before it (no new list per answer).
  const twimlHeaders = [...deps.securityHeaders, 'content-type', 'text/xml; charset=utf-8', 'content-length', ''];
  const textHeaders = [...deps.securityHeaders, 'content-type', 'text/plain; charset=utf-8', 'content-length', ''];

  function send(res: ServerResponse, status: number, headers: string[], body: string): void {
    headers[headers.length - 1] = String(Buffer.byteLength(body));
    res.writeHead(status, headers);
    res.end(body);
  }

  async function answer(req: IncomingMessage, res: ServerResponse, turn: TurnWebhook, url: string, text: string, started: number): Promise<void> {
    let route = UNMATCHED_ROUTE;
    const params = parseForm(text);
    if (params === null) {
      deps.logger.warn({ method: 'POST', path: `/voice${turn.path}`, status: 413, errorType: 'parameters.too.many' }, 'request refused');
      send(res, 200, twimlHeaders, deps.fallbackTwiml());
    } else if (!deps.isSigned(req.headers['x-twilio-signature'], url, params)) {
      send(res, 403, textHeaders, SIGNATURE_REFUSED);
    } else {
      route = `/voice${turn.path}`;
      const queryAt = url.indexOf('?');
      const query = queryAt === -1 ? NO_QUERY : (parseQuery(url.slice(queryAt + 1)) as Query);
      const twiml = await turn.answer(params, { query, requestId: requestIdOf(req.headers['i-twilio-idempotency-token']) }).catch(() => deps.fallbackTwiml());
      send(res, 200, twimlHeaders, twiml);
    }
    deps.metrics.requestServed('voice', route, (performance.now() - started) / 1000);
  }

  return (req, res) => {
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    const turn = req.method === 'POST' ? byPath.get(queryAt === -1 ? url : url.slice(0, queryAt)) : undefined;
    if (turn === undefined || !isPlainForm(req)) {
      deps.next(req, res);
      return;
    }
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
      void answer(req, res, turn, url, text, started);
    });
  };
}
