/** Reads TwiML as Twilio does: a tree of verbs with attributes, nested nouns and text. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface TwimlNode {
  name: string;
  attrs: Record<string, string>;
  children: TwimlNode[];
  text: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, textNodeName: '#text', parseAttributeValue: false, parseTagValue: false, trimValues: true });

type Raw = Record<string, unknown>;

function toNode(raw: Raw): TwimlNode | null {
  const name = Object.keys(raw).find((key) => key !== ':@');
  if (!name || name === '?xml') return null;
  if (name === '#text') return { name: '#text', attrs: {}, children: [], text: String(raw[name]) };
  const children = ((raw[name] as Raw[]) ?? []).map(toNode).filter((n): n is TwimlNode => n !== null);
  const text = children.map((child) => (child.name === '#text' ? child.text : child.text)).join(' ').trim();
  return { name, attrs: (raw[':@'] as Record<string, string>) ?? {}, children: children.filter((c) => c.name !== '#text'), text };
}

/** Parses a TwiML document; throws when it is not well-formed XML with a <Response> root. */
export function parseTwiml(xml: string): TwimlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Invalid XML: ${JSON.stringify(valid)}\n${xml}`);
  const roots = (parser.parse(xml) as Raw[]).map(toNode).filter((n): n is TwimlNode => n !== null);
  const response = roots[0];
  if (!response || response.name !== 'Response' || roots.length !== 1) throw new Error(`Not a TwiML <Response>:\n${xml}`);
  return response;
}

export function find(node: TwimlNode, name: string): TwimlNode | undefined {
  for (const child of node.children) {
    if (child.name === name) return child;
    const deeper = find(child, name);
    if (deeper) return deeper;
  }
  return undefined;
}

export function spokenText(node: TwimlNode): string {
  return node.children
    .map((child) => (child.name === 'Say' ? child.text : spokenText(child)))
    .filter((text) => text !== '')
    .join(' ');
}

/** Verbs Twilio accepts at the top of a voice <Response>. */
export const VOICE_VERBS = new Set(['Say', 'Play', 'Pause', 'Gather', 'Redirect', 'Hangup', 'Enqueue', 'Dial', 'Leave', 'Reject', 'Record', 'Connect', 'Refer', 'Stop', 'Start', 'Pay', 'Prompt', 'Sms']);
