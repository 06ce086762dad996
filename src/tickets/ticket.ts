/**
 * The pre-filled ticket that every routed or callback call (and later chat) creates, as the advisor
 * sees it. Holds the minimum: choices are interpreted values (never raw speech), the callback
 * number is sealed.
 */
import { z } from 'zod';
import { DANGER_KINDS, NEED_IDS, PROFILES } from '../domain/vocabulary';
import { DEPARTEMENT_CODE_PATTERN, TICKET_REF_PATTERN } from './ref';

export const TICKET_KINDS = ['routed', 'callback', 'fallback'] as const;
export const TICKET_STATUSES = ['nouveau'] as const;
export const CHOICE_VIAS = ['dtmf', 'speech', 'button', 'text'] as const;

const isoDateTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' });

export const TicketChoiceSchema = z
  .object({
    /** The flow step, e.g. 'profile', 'need_group', 'postcode'. */
    step: z.string().min(1).max(64),
    /** The interpreted answer, e.g. 'aidant', 'logement'; never a raw transcript. */
    value: z.string().min(1).max(100),
    via: z.enum(CHOICE_VIAS),
  })
  .strict();

const PhoneCallbackSchema = z
  .object({
    contact: z.literal('phone'),
    /** The number to call back, sealed with `sealText` (v1:…). */
    numberSealed: z.string().startsWith('v1:', { error: 'expected a sealed value (v1:…)' }),
    /** Last digits, to read the number back without saying it all. */
    lastDigits: z.string().regex(/^\d{1,4}$/, { error: 'expected 1 to 4 digits' }),
    consent: z.literal(true, { error: 'a callback needs the caller’s consent (true)' }),
    requestedAt: isoDateTime,
  })
  .strict();

const EmailCallbackSchema = z
  .object({
    contact: z.literal('email'),
    /** The e-mail address, sealed with `sealText` (v1:…). */
    emailSealed: z.string().startsWith('v1:', { error: 'expected a sealed value (v1:…)' }),
    /** A masked form to show, e.g. « j…@exemple.fr ». */
    emailHint: z.string().min(3).max(120),
    consent: z.literal(true, { error: 'a callback needs the person’s consent (true)' }),
    requestedAt: isoDateTime,
  })
  .strict();

/** How the person wants to be contacted back: a phone number or (from the chat) an e-mail address. */
export const TicketCallbackSchema = z.preprocess(
  // Callbacks written before e-mail existed have no `contact`: they are phone callbacks.
  (value) => (value !== null && typeof value === 'object' && !('contact' in value) ? { ...value, contact: 'phone' } : value),
  z.discriminatedUnion('contact', [PhoneCallbackSchema, EmailCallbackSchema]),
);

export const TranscriptLineSchema = z
  .object({
    from: z.enum(['user', 'bot', 'advisor']),
    /** The advisor's first name (their staff sign-in's given_name), on their own lines. */
    name: z.string().min(1).max(100).optional(),
    text: z.string().max(4000),
    at: isoDateTime,
  })
  .strict();

const ticketFields = {
  ref: z.string().regex(TICKET_REF_PATTERN, { error: 'expected a ticket ref like T-44-7K3F9Q' }),
  channel: z.enum(['voice', 'chat']),
  kind: z.enum(TICKET_KINDS),
  status: z.enum(TICKET_STATUSES),
  profile: z.enum(PROFILES).optional(),
  need: z.enum(NEED_IDS).optional(),
  departement: z
    .string()
    .regex(DEPARTEMENT_CODE_PATTERN, { error: 'expected an INSEE département code' })
    .nullable()
    .optional(),
  territoryName: z.string().min(1).max(200).optional(),
  priority: z.enum(['normale', 'prioritaire']),
  /** Words of danger were said: which kind (the rule's category, never the words). */
  danger: z.enum(DANGER_KINDS).optional(),
  choices: z.array(TicketChoiceSchema).max(50),
  callback: TicketCallbackSchema.optional(),
  /** A short summary an advisor reads first (chat). */
  summary: z.string().max(1000).optional(),
  /** The conversation so far (chat), kept with the ticket's retention. */
  transcript: z.array(TranscriptLineSchema).max(300).optional(),
  /**
   * The pseudonymous person key (src/people/personKey.ts): a keyed hash of the caller's number, or of
   * the chat's callback contact when the person agreed. Links the contacts of one person; never shown.
   */
  personKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'expected a person key (64 hexadecimal characters)' })
    .optional(),
  /** The CallSid (voice) or chat conversation id. */
  conversationId: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,128}$/, { error: 'expected an id of 1 to 128 letters, digits, _ . or -' }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};

/** The one rule that links two fields, kept here only: TicketSchema refines with it, `assembleTicket` checks it. */
function callbackKindHasCallback(ticket: { kind: string; callback?: unknown }): boolean {
  return ticket.kind !== 'callback' || ticket.callback !== undefined;
}
const callbackRule = { error: 'a callback ticket needs callback details', path: ['callback'] };

export const TicketSchema = z.object(ticketFields).strict().refine(callbackKindHasCallback, callbackRule);
export type Ticket = z.output<typeof TicketSchema>;

const TICKET_KEYS = Object.keys(ticketFields) as Array<keyof Ticket>;

/**
 * A ticket our own code assembles from parts already checked field by field (a draft parsed by
 * TicketDraftSchema, a stored ticket parsed by TicketSchema, timestamps from `toISOString`): parsing it
 * whole again would check every field twice, so only the rule linking two fields is checked. Gives the
 * ticket with its keys in the schema's order (the JSON that `TicketSchema.parse` would give), or the
 * rule's issue worded as zod words it (`callback: …`).
 */
export function assembleTicket(parts: Ticket): { ok: true; ticket: Ticket } | { ok: false; issue: string } {
  if (!callbackKindHasCallback(parts)) return { ok: false, issue: `${callbackRule.path.join('.')}: ${callbackRule.error}` };
  const ticket: Record<string, unknown> = {};
  for (const key of TICKET_KEYS) if (parts[key] !== undefined) ticket[key] = parts[key];
  return { ok: true, ticket: ticket as Ticket };
}

/**
 * What callers pass to `createOrUpdate`: a ticket without timestamps (the store sets them), where
 * status defaults to 'nouveau' and choices to [] on creation. On update, absent fields keep their
 * stored value.
 */
export const TicketDraftSchema = z
  .object({
    ...ticketFields,
    status: ticketFields.status.optional(),
    choices: ticketFields.choices.optional(),
  })
  .omit({ createdAt: true, updatedAt: true })
  .strict();
export type TicketDraft = z.input<typeof TicketDraftSchema>;
export type TranscriptLine = z.output<typeof TranscriptLineSchema>;
