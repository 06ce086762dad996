/** What routing decides for a call or a chat; produced by pure functions, rendered at the edge. */
import type { DepartementCode } from '../domain/vocabulary';

/** Where a call is put through. */
export type Target =
  | { type: 'queue'; name: string }
  /** TaskRouter: the caller's answers become task attributes. */
  | { type: 'workflow'; workflowSid: string }
  /** A phone number (E.164) or a SIP address. */
  | { type: 'dial'; number: string }
  | { type: 'dial'; sip: string };

export type ClosedAction = 'callback' | 'fallback' | 'message';

export type RouteDecision =
  /** Crisis switch on: a message, then every call to one target. */
  | { kind: 'crisis'; target: Target; message: string }
  /** The territory is open: put through to its target. */
  | {
      kind: 'open';
      departement: DepartementCode | null;
      territoryName: string;
      target: Target;
      /** After this many seconds in queue, a callback is offered. */
      callbackOfferAfterSeconds: number;
    }
  /** Closed (out of hours, public holiday, or an exceptional closure with its message). */
  | {
      kind: 'closed';
      departement: DepartementCode | null;
      territoryName: string;
      reason: 'hours' | 'holiday' | 'closure';
      /** The opening hours in plain spoken French, e.g. « du lundi au vendredi, de 9 heures à 18 heures ». */
      hoursInWords: string;
      whenClosed: ClosedAction;
      /** National fallback target (used when whenClosed is 'fallback'). */
      fallback: Target;
      /** Optional message a coordinator wrote for closed times. */
      message?: string;
    };
