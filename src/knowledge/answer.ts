/** The text a user reads for a FAQ entry: the answer, its official source, and the local MDPH when known. */
import type { DepartementCode } from '../domain/vocabulary';
import type { LocalResources, MdphContact } from './local-resources';
import type { FaqEntry } from './schema';

/** The fixed words around an answer (the answers themselves live in content/fr/faq.yaml). */
export const ANSWER_WORDING = {
  source: (label: string, url: string) => `Source : ${label} (${url})`,
  mdph: (mdph: MdphContact) =>
    [
      `Votre MDPH : ${mdph.name}.`,
      mdph.phone === null ? null : `Téléphone : ${mdph.phone}.`,
      mdph.email === null ? null : `E-mail : ${mdph.email}.`,
      `Adresse et horaires : ${mdph.url}`,
    ]
      .filter((part) => part !== null)
      .join(' '),
} as const;

/**
 * The answer, then « Source : label (url) », then the user's MDPH when the entry asks for it
 * (localContact: mdph) and the département is known. One paragraph per part.
 */
export function answerText(entry: FaqEntry, localResources: LocalResources, departement: DepartementCode | null): string {
  const parts = [entry.answer.trim(), ANSWER_WORDING.source(entry.source.label, entry.source.url)];
  if (entry.localContact === 'mdph' && departement !== null) {
    const mdph = localResources.mdph(departement);
    if (mdph !== undefined) parts.push(ANSWER_WORDING.mdph(mdph));
  }
  return parts.join('\n');
}
