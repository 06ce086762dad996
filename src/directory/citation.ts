/**
 * What the bot tells a person once it knows their département: their MDPH (name, phone, e-mail, web
 * site), and up to three local offers for their need that still take people. Pure; the sentence
 * around the offers comes from the chat's wording (prompts/fr/chat.yaml).
 */
import { ANSWER_WORDING } from '../knowledge/answer';
import type { NeedId } from '../domain/vocabulary';
import { AVAILABILITY_LABELS } from './labels';
import { mdphOf } from './load';
import type { Directory } from './schema';
import { searchDirectory } from './search';

export const MAX_OFFERS_CITED = 3;

/** « • Label : organisation, commune. Availability. » for each offer cited. */
function offerLines(directory: Directory, territory: string, need: NeedId): string[] {
  return searchDirectory(directory, { territory, need })
    .flatMap(({ organisation, offers }) => offers.map((offer) => ({ organisation, offer })))
    .filter(({ offer }) => offer.type !== 'mdph' && offer.availability.status !== 'complet')
    .slice(0, MAX_OFFERS_CITED)
    .map(({ organisation, offer }) => {
      const commune = offer.commune ?? organisation.commune;
      const where = commune ? `, ${commune.name}` : '';
      const contact = organisation.contact.phone ? ` Téléphone : ${organisation.contact.phone}.` : '';
      const availability = offer.availability.status === 'inconnu' ? '' : ` ${AVAILABILITY_LABELS[offer.availability.status]}.`;
      return `• ${offer.label} : ${organisation.name}${where}.${contact}${availability}`;
    });
}

/** The MDPH paragraph, then the offers under `intro`; null when the directory knows nothing of the département. */
export function localHelpText(directory: Directory, territory: string, need: NeedId | null, intro: string): string | null {
  const mdph = mdphOf(directory, territory);
  const offers = need ? offerLines(directory, territory, need) : [];
  const parts = [mdph ? ANSWER_WORDING.mdph(mdph) : null, offers.length > 0 ? [intro, ...offers].join('\n') : null].filter((part) => part !== null);
  return parts.length > 0 ? parts.join('\n') : null;
}
