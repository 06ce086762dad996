/**
 * Our chat sentences are plain text; Web Chat shows markdown (its own renderer: web addresses become
 * links that open in a new tab with rel="noopener noreferrer", and it sanitises the HTML). This turns
 * a plain sentence into markdown that shows exactly that sentence: the characters markdown would read
 * as formatting are escaped, each line break stays a line break, and web addresses (http, https) are
 * left whole so that they become links; nothing else does (« Service-Public.fr » stays text). Pure.
 */

/** A web address, without the punctuation that ends the sentence around it. */
const WEB_ADDRESS = /https?:\/\/[^\s<>"«»]*[^\s<>"«».,;:!?)]/g;
/** Characters markdown (with inline HTML and tables) reads as formatting anywhere in a line. */
const FORMATTING = /[\\`*_[\]<>~|#&]/g;
/** At the start of a line: a list item (« - », « + », « 1. », « 1) ») or a heading underline (« = »). */
const LINE_START = /^([ \t]*)(?:([-+=])|(\d{1,9})([.)]))(?=[ \t]|$)/gm;

/** A dot inside a word (« Service-Public.fr »): Web Chat would guess a web address there. */
const DOT_IN_WORD = /\.(?=[A-Za-z0-9])/g;

function escapePlain(text: string): string {
  return text
    .replace(FORMATTING, (character) => `\\${character}`)
    .replace(DOT_IN_WORD, '\\.')
    .replace(LINE_START, (_match, indent: string, mark: string | undefined, digits: string | undefined, end: string | undefined) =>
      mark !== undefined ? `${indent}\\${mark}` : `${indent}${digits}\\${end}`,
    );
}

/** The plain text as markdown that reads the same; line breaks become hard breaks. */
export function plainToMarkdown(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    parts.push(escapePlain(text.slice(last, match.index)), match[0]);
    last = match.index + match[0].length;
  }
  parts.push(escapePlain(text.slice(last)));
  return parts
    .join('')
    .trim()
    .replace(/[ \t]*\n[ \t]*/g, '  \n');
}

/** The plain text back from plainToMarkdown's markdown (for the advisors' reading of the conversation). */
export function markdownToPlain(markdown: string): string {
  return markdown.replace(/ {2}\n/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
