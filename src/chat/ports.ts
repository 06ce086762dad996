/** What the chat's conversation needs of the knowledge base and of safety: ports, so that the
 * conversation (chatTurns.ts) and its reading of messages (listening.ts) depend on no implementation. */
import type { DangerKind } from '../domain/vocabulary';

export interface ChatKnowledge {
  match(
    text: string,
  ):
    | { kind: 'answer'; entryId: string; /** Another entry the message is nearly as surely about: offered with the answer. */ also?: { id: string; title: string } }
    | { kind: 'notSure'; suggestions: Array<{ id: string; title: string }> };
  /** The answer in plain French, its source, and the local contact of the département when known. */
  answer(entryId: string, departement: string | null): Promise<string | null>;
  /** Once the département is known (after the orientation): the person's MDPH and local offers for their need; null when none is known. */
  localHelp(departement: string, need: string | null): Promise<string | null>;
  title(entryId: string): string | null;
  /** The entries an answer offers as buttons because people often mean them instead (its seeAlso). */
  seeAlso(entryId: string): Array<{ id: string; title: string }>;
}

export interface ChatSafety {
  /** A danger signal in the text, or null. */
  detect(text: string): { kind: DangerKind } | null;
  /** The grey zone (no emergency answer, some evidence of danger): the kind to ask about, or null. */
  check(text: string): { kind: DangerKind } | null;
  /** The danger the person confirmed at the second-stage question (with any the message itself names). */
  confirmed(kind: DangerKind, text: string): { kind: DangerKind };
  /** The second-stage question (« Êtes-vous en danger en ce moment ? » and the kind's number), its buttons, and what follows « Non ». */
  question(kind: DangerKind): { text: string; yes: string; no: string; goOn: string };
  message(signal: { kind: DangerKind }): string;
  /** The kind in a few French words, for the ticket (« suicide », « enfant en danger »). */
  name(kind: DangerKind): string;
}
