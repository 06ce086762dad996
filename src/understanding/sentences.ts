/**
 * The questions of a long message: people often tell their story first and ask in one sentence
 * (« … on commence à avoir du mal à la fin du mois. Comment on la demande ? »). Pure.
 */

/** The sentences of a message, as written (split after . ? ! ; : or a line break). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.?!;:…])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\d]/u.test(sentence));
}

/**
 * The message's question sentences joined, when it holds more than one sentence: those with a
 * question mark, else its last sentence; null for a message of one sentence (nothing to pick from).
 */
export function questionPart(text: string): string | null {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return null;
  const questions = sentences.filter((sentence) => sentence.includes('?'));
  return (questions.length > 0 ? questions : sentences.slice(-1)).join(' ');
}
