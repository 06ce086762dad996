/**
 * Someone who cannot be reached, read the same way by every no-answer rule (rules.ts, situations.ts),
 * and the silence of a quarrel (`sulking` of the context, context.ts).
 */
import { SERVICE } from './everyday';
import { frenchPattern as re } from './normalise';

/**
 * Someone who cannot be reached (README « Thirteenth round (rules) »): no answer on the phone or to
 * messages, a phone off or ringing out, their own voicemail, a door not opened, no news. `NO_ANSWER` is
 * the act; `UNREACHABLE` needs who (« ma mère », « il », « mon voisin »: not an office, `SERVICE_UNANSWERED`);
 * `SINCE` says since when. Every no-answer rule uses these (rules.ts, situations.ts).
 */
export const NO_ANSWER =
  '\\bne (?:me |m |nous |lui |leur )?(?:repond|decroche|ouvre|rapele)n?t? (?:plus|pas|toujours pas)\\b(?! (?:a mes|aux|a nos) (?:mails|couriers|demandes|lettres|reclamations)\\b)|\\binjoignable\\b|\\b(?:telephone|portable|tel) (?:est |reste )?(?:eteint|coupe)\\b|\\bsone dans le vide\\b|\\btombe (?:\\w+ )?sur (?:son|sa|leur) (?:repondeur|messagerie|boite vocale)\\b|\\btombe (?:\\w+ )?sur (?:le|la) (?:repondeur|messagerie|boite vocale) (?:de|d) (?:mon|ma|mes|son|sa|ses|notre|nos) \\w+|\\b(?:plus|pas|aucune?|sans) (?:de |d )?nouveles?\\b';
const WHO = '\\b(?:il|elle|ils|elles|(?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs) \\w+)\\b';
export const UNREACHABLE = `${WHO}(?: \\w+){0,5} (?:${NO_ANSWER})|\\b(?:plus|pas|aucune?|sans) (?:de |d )?nouveles? (?:de |d )(?:lui|elle|eux|${WHO})|\\btombe (?:\\w+ )?sur (?:le|la) (?:repondeur|messagerie|boite vocale) (?:de|d) (?:mon|ma|mes|son|sa|ses|notre|nos) \\w+`;
/** Since when (« depuis ce matin », « depuis hier soir », « depuis deux jours »). */
export const SINCE =
  '\\bdepuis (?:ce matin|ce midi|hier|avant hier|cette nuit|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|ce week end|le week end|la veille|des heures|plusieurs heures|\\d+ ?(?:h|heures?|jours?)|(?:deux|trois|quatre|cinq) (?:heures|jours))\\b|\\bde (?:toute )?la journee\\b';
/** An office that does not answer (« la MDPH ne répond pas au téléphone », « je tombe sur le répondeur de la CAF »): paperwork. */
export const SERVICE_UNANSWERED = `${SERVICE}(?: \\w+){0,5} (?:${NO_ANSWER})|\\btombe (?:\\w+ )?sur (?:le|la|un|une) (?:repondeur|messagerie|boite vocale)\\b(?! (?:de|d) (?:mon|ma|mes|son|sa|ses|notre|nos) )`;
/** A quarrel, not a silence to fear (« elle ne répond plus à mes messages, elle m'en veut »). */
export const SULKING = '\\b(?:m en veut|nous en veut|me boude|boude|fachee?s?|vexee?s?|en colere contre (?:moi|nous)|dispute\\w*|brouille\\w*|coupe les ponts|ne veut plus (?:me|nous) (?:parler|voir))\\b';

const SULKING_PATTERN = re(SULKING);
const NO_ANSWER_PATTERN = re(NO_ANSWER);

/** A silence and a quarrel that explains it (« elle ne répond plus, elle boude »). */
export function sulkingSilence(text: string): boolean {
  return SULKING_PATTERN.test(text) && NO_ANSWER_PATTERN.test(text);
}
