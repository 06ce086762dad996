/**
 * Reading a chat message as a person writes it: the greetings and thanks around what they mean,
 * its parts (sentences and clauses), which parts ask something, and the short runs of words a menu
 * answer may hide in (« j'habite en Loire-Atlantique »). Pure text functions, no French sentences.
 */

/** What a person puts around their message: skipped, never answered instead of it. */
const GREETING = /^(?:bonjour|bonsoir|bonne\s+(?:journee|soiree)|salut|coucou|hello|hi|hey|allo|bjr|slt)(?:\s+(?:a\s+tous|a\s+vous|madame|monsieur|messieurs|mesdames|mme|mr))*\b/;
const APOLOGY = /^(?:excusez[\s-]moi|excuse[\s-]moi|pardon|desole|desolee)(?:\s+de\s+vous\s+deranger)?\b/;
const THANKS = /^(?:(?:ok|d\s*accord|super|tres\s+bien|parfait)\s+)?(?:merci|mrc|thanks|thank\s+you)(?:\s+(?:beaucoup|bien|infiniment|d\s*avance|par\s+avance|pour\s+(?:tout|votre\s+aide|l\s*info|les\s+infos|la\s+reponse)))*\b/;
const TRAILING_POLITENESS =
  /(?:\b(?:merci|mrc)(?:\s+(?:beaucoup|bien|infiniment|d\s*avance|par\s+avance|pour\s+(?:tout|votre\s+aide|votre\s+reponse)))*|\bs\s*il\s+vous\s+pla[iî]t|\bs\s*il\s+te\s+pla[iî]t|\bsvp|\bstp|\bcordialement|\bbonne\s+(?:journee|soiree))\s*$/;

/** Lower case without accents, apostrophes and punctuation kept: for the patterns above. */
function folded(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, ' ');
}

export interface Courtesy {
  /** The message without its greeting, apology, thanks and closing politeness; '' when it was only that. */
  rest: string;
  greeted: boolean;
  thanked: boolean;
}

/** Removes what opens and closes a message politely; what is left is what the person means. */
export function withoutCourtesy(text: string): Courtesy {
  let rest = text.trim();
  let greeted = false;
  let thanked = false;
  for (let changed = true; changed && rest !== ''; ) {
    changed = false;
    const head = folded(rest);
    for (const [pattern, kind] of [[GREETING, 'greeting'], [APOLOGY, 'greeting'], [THANKS, 'thanks']] as const) {
      const found = pattern.exec(head);
      if (!found || found[0].length === 0) continue;
      // Folding keeps one character per character (accents go, apostrophes become spaces): cut at the same place.
      const after = trimPunctuation(rest.slice(cutAt(rest, found[0].length)));
      // « Pardon ? » alone asks for the question again: it is not a courtesy to skip.
      if (pattern === APOLOGY && after === '' && !greeted && !thanked) continue;
      if (kind === 'greeting') greeted = true;
      else thanked = true;
      changed = after !== rest;
      rest = after;
      break;
    }
    const tail = TRAILING_POLITENESS.exec(folded(rest));
    if (tail && tail[0].length > 0) {
      if (/merci|mrc/.test(tail[0])) thanked = true;
      const before = rest;
      rest = trimPunctuation(rest.slice(0, cutAt(rest, folded(rest).length - tail[0].length)));
      changed ||= rest !== before;
    }
  }
  return { rest, greeted, thanked };
}

/** The index in `text` where its folded form reaches `foldedLength` characters. */
function cutAt(text: string, foldedLength: number): number {
  let length = 0;
  let index = 0;
  for (const character of text) {
    if (length >= foldedLength) break;
    length += folded(character).length;
    index += character.length;
  }
  return index;
}

function trimPunctuation(text: string): string {
  return text.replace(/^[\s,;:.!?…)\-–—]+/, '').replace(/[\s,;:\-–—(]+$/, '').replace(/(?<!\.)\.$/, '');
}

/**
 * The parts of a message: sentences, then clauses (a comma, « et », « mais »…). Dots inside an
 * address or a number (« marie.durand@exemple.fr », « 06.12.34.56.78 ») do not cut.
 */
export function clausesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|[\n;]+|,\s+|\s+(?:et|mais|car|donc|puis|alors)\s+(?=\S)/i)
    .map((part) => trimPunctuation(part.trim()))
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/** A question: « comment… », « c'est quoi… », « ai-je droit… », « … ? ». */
const QUESTION =
  /\?|^(?:c\s*est\s+quoi|qu\s*est[\s-]ce|comment|combien|quand|pourquoi|ou\s|quel(?:le)?s?\s|est[\s-]ce\s|a\s+quoi|a\s+qui|qui\s+(?:peut|doit|contacter|appeler)|que\s+faire|quoi\s+faire|peut[\s-]on|puis[\s-]je|pouvez[\s-]vous|pourriez[\s-]vous|peux[\s-]tu|dois[\s-]je|faut[\s-]il|y\s+a[\s-]t[\s-]il|existe[\s-]t[\s-]il|ai[\s-]je|a[\s-]t[\s-](?:il|elle))|\b(?:j\s*ai\s+droit|a\s+droit|ont\s+droit|avoir\s+droit|droit\s+a|comment|combien|pourquoi|savoir\s+(?:si|ce|comment|quel|quelle|quels|quelles|ou|qui|quoi)|ce\s+qu\s*est|ou\s*$|des\s+infos?\b|des\s+informations?|renseignements?)\b/;
/** A request: « je cherche… », « j'ai besoin de… », « il me faut… ». */
const REQUEST =
  /\b(?:je\s+(?:voudrais|veux|souhaite|souhaiterais|cherche|recherche|demande)|j\s*aimerais|(?:j\s*ai|a|avons|ont|avez)\s+besoin|besoin\s+d|il\s+(?:me|nous|lui|leur)\s+faut)\b/;

export type ClauseKind = 'question' | 'request' | 'statement';

/** Whether a clause asks something (a question or a request) or only tells. */
export function kindOfClause(clause: string): ClauseKind {
  const text = folded(clause).trim();
  if (QUESTION.test(text)) return 'question';
  return REQUEST.test(text) ? 'request' : 'statement';
}

/** Words as a person separates them (spaces); « Loire-Atlantique » and « l'AAH » are one word each. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * The first run of one to `longest` consecutive words, shortest first, then from the left, that
 * `test` accepts: where a menu answer hidden in a longer clause is looked for. Each run is made only
 * when it is tried (a long clause has hundreds; the one sought is usually among the first).
 */
export function firstRun(words: readonly string[], longest: number, test: (run: { start: number; end: number; text: string }) => boolean): { start: number; end: number; text: string } | undefined {
  for (let length = 1; length <= Math.min(longest, words.length); length += 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      const run = { start, end: start + length, text: words.slice(start, start + length).join(' ') };
      if (test(run)) return run;
    }
  }
  return undefined;
}

/** The first `most` characters (Unicode code points, as Direct Line counts them), and whether more were cut. */
export function firstCharacters(text: string, most: number): { text: string; cut: boolean } {
  if (text.length <= most) return { text, cut: false };
  const characters = Array.from(text);
  return characters.length <= most ? { text, cut: false } : { text: characters.slice(0, most).join(''), cut: true };
}
