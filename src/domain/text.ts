/** Comparing what people say or type: one way to fold French text, shared by every matcher. */

/** Lower case, accents and ligatures removed (« œ » → « oe »), punctuation and apostrophes as single spaces. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
