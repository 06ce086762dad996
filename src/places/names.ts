/**
 * Find a département from what a person typed or a speech recogniser heard: its name
 * (case, accents, hyphens and apostrophes ignored; "la Réunion" = "Réunion") or its code ("44", "2a", "971").
 */
import type { Departement } from '../domain/ports';
import { foldText } from '../domain/text';

const LEADING_WORDS = /^(?:departement\s+)?(?:(?:de\s+la|de\s+l|du|des|de|le|la|les|l)\s+)?/;

/** Lower case, no accents, words separated by single spaces, no leading "département"/article. */
export function normaliseName(text: string): string {
  return foldText(text).replace(LEADING_WORDS, '');
}

/** "44" → "44", "1" → "01", "2a" → "2A", "971" → "971"; null when it does not look like a code. */
function asCode(text: string): string | null {
  const compact = text.trim().toUpperCase();
  if (/^\d$/.test(compact)) return `0${compact}`;
  if (/^(\d{2,3}|2A|2B)$/.test(compact)) return compact;
  return null;
}

export interface NameIndex {
  find(text: string): Departement | null;
}

export function buildNameIndex(departements: readonly Departement[]): NameIndex {
  const byName = new Map(departements.map((d) => [normaliseName(d.name), d]));
  const byCode = new Map(departements.map((d) => [d.code, d]));
  return {
    find(text) {
      const code = asCode(text);
      if (code !== null) return byCode.get(code) ?? null;
      return byName.get(normaliseName(text)) ?? null;
    },
  };
}
