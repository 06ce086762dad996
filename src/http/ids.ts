/**
 * The ids that arrive in URLs, checked at the edge: a malformed id is a 400 that says what is
 * expected (never a store error: the key builder refuses ':', '*', spaces… and that used to read as
 * an outage); a well-formed id that is unknown stays a 404 for the route to answer.
 */
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { TICKET_REF_PATTERN } from '../tickets/ref';

export const TicketRefSchema = z.string().regex(TICKET_REF_PATTERN, { error: 'une référence de dossier, par exemple T-44-7K3F9Q' });
export const CallSidSchema = z.string().regex(/^CA[0-9a-fA-F]{32}$/, { error: 'un identifiant d’appel Twilio (CA puis 32 caractères hexadécimaux)' });
/** A chat conversation id: ours (24 characters) or another Bot Framework channel's. */
export const ConversationIdSchema = z.string().regex(/^[A-Za-z0-9_.|-]{1,128}$/, { error: 'un identifiant de conversation (lettres, chiffres, _ . | -)' });
/** A Twilio queue name as we use them (cercle-44, cercle-national). */
export const QueueNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'un nom de file d’attente (lettres, chiffres, _ . -)' });

/** The 400 of a malformed id: names the parameter and what it must be, never echoes the value. */
export function sendMalformedId(res: Response, name: string, schema: z.ZodType): void {
  const expected = schema.safeParse('');
  const what = expected.success ? 'une valeur valide' : (expected.error.issues[0]?.message ?? 'une valeur valide');
  res.status(400).json({ error: `Le paramètre « ${name} » n’est pas valide : il faut ${what}.` });
}

/** A route's middleware (after sign-in): 400 unless the route parameter `name` matches `schema`. */
export function validId(name: string, schema: z.ZodType): RequestHandler {
  return (req, res, next) => {
    if (schema.safeParse(req.params[name]).success) next();
    else sendMalformedId(res, name, schema);
  };
}
