/**
 * What the HTTP API says when it refuses a request, in plain French: advisors, coordinators and the
 * consoles read these sentences as they are (no English left for a client to translate).
 *
 * - `useFrenchValidationMessages()` makes zod's own messages French (its `fr` locale, with plainer
 *   words for the commonest cases); a schema's own message still comes first. Called once by createApp.
 * - `invalidRequest(error)` turns a zod error into one sentence that names the fields, never their values.
 */
import { z } from 'zod';

const ZOD_FRENCH = z.locales.fr().localeError;

/** zod's commonest messages in plainer French; the rest from zod's French locale. */
export const apiValidationMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'il manque ce champ';
  if (issue.code === 'invalid_type' && issue.expected === 'string') return 'il faut un texte';
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) return 'il faut un nombre';
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return 'il faut true ou false';
  if (issue.code === 'invalid_type' && issue.expected === 'array') return 'il faut une liste';
  if (issue.code === 'invalid_type' && issue.expected === 'object') return 'il faut un objet JSON';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `« ${key} »`).join(', ');
    return issue.keys.length > 1 ? `ces champs ne sont pas prévus : ${keys}` : `ce champ n’est pas prévu : ${keys}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return `trop long : ${String(issue.maximum)} caractères au plus`;
  if (issue.code === 'too_big' && (issue.origin === 'array' || issue.origin === 'set')) return `trop d’éléments : ${String(issue.maximum)} au plus`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `trop grand : ${String(issue.maximum)} au plus`;
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1 ? 'il faut un texte, pas un texte vide' : `trop court : ${String(issue.minimum)} caractères au moins`;
  }
  if (issue.code === 'too_small' && (issue.origin === 'array' || issue.origin === 'set')) return `il faut au moins ${String(issue.minimum)} élément(s)`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `trop petit : ${String(issue.minimum)} au moins`;
  if (issue.code === 'invalid_value') return `il faut une de ces valeurs : ${issue.values.map((value) => String(value)).join(', ')}`;
  return ZOD_FRENCH(issue);
};

/** zod's default messages in French from now on (process-wide, idempotent). */
export function useFrenchValidationMessages(): void {
  z.config({ localeError: apiValidationMessages });
}

/** One French sentence naming each wrong field and what it needs; never a value that was sent. */
export function invalidRequest(error: z.ZodError): string {
  const problems = error.issues.map((issue) => (issue.path.length > 0 ? `le champ « ${issue.path.map(String).join('.')} » : ${issue.message}` : issue.message));
  return `La demande n’est pas valide : ${problems.join(' ; ')}.`;
}

