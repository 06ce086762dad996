/**
 * The pages people use all day (the chat at /, the console, the studio) share one DSFR frame: the
 * head (meta, DSFR's style sheet), the skip links and the header (layout.html). Each page file holds
 * only its own parts, each after a `<!-- part: name -->` line: its title, its own head lines (style
 * sheets), its skip links, what its header shows (brand, tools), its body. Rendered once at start;
 * a part missing or unknown stops the start.
 */

export const PAGE_PARTS = ['title', 'head', 'skiplinks', 'header', 'body'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

const PART_LINE = /^<!-- part: ([a-z]+) -->$/;

/** The parts of a page file (text before the first part, a comment for its reader, is not one). */
export function pageParts(text: string, name: string): Record<PagePart, string> {
  const parts: Partial<Record<PagePart, string[]>> = {};
  let current: string[] | null = null;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const part = PART_LINE.exec(line.trim())?.[1];
    if (part === undefined) {
      current?.push(line);
      continue;
    }
    if (!(PAGE_PARTS as readonly string[]).includes(part)) throw new Error(`${name}: unknown part "${part}"`);
    if (parts[part as PagePart]) throw new Error(`${name}: part "${part}" given twice`);
    current = parts[part as PagePart] = [];
  }
  const missing = PAGE_PARTS.filter((part) => parts[part] === undefined);
  if (missing.length > 0) throw new Error(`${name}: no part ${missing.map((part) => `"${part}"`).join(', ')}`);
  return Object.fromEntries(PAGE_PARTS.map((part) => [part, (parts[part] as string[]).join('\n')])) as Record<PagePart, string>;
}

/** The page: the layout with each `{{part}}` replaced by the page's part (the title trimmed). */
export function renderPage(layout: string, pageText: string, name: string): string {
  const parts = pageParts(pageText, name);
  return layout.replace(/\{\{([a-z]+)\}\}/g, (slot, part: string) => {
    if (!(PAGE_PARTS as readonly string[]).includes(part)) throw new Error(`layout.html: unknown slot ${slot}`);
    return part === 'title' ? parts.title.trim() : parts[part as PagePart];
  });
}
