/**
 * Readers of single environment values (numbers, URLs, keys, proxy lists, Redis node lists): each
 * says what it expects in the variable's own name and never echoes a value.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which proxies in front of the service may say who the client is (X-Forwarded-For), as express's
 * `trust proxy`: none (the socket's address is the client's), a number of hops, or a list of
 * addresses / CIDRs (and express's names loopback, linklocal, uniquelocal).
 */
export type TrustProxy = false | number | readonly string[];

export const DATA_KEY_BYTES = 32;

export interface RedisNode {
  readonly host: string;
  readonly port: number;
}

/** `host:port` list (comma or space separated) → nodes; null when an entry is not host:port. */
export function parseRedisNodeList(text: string): RedisNode[] | null {
  const nodes: RedisNode[] = [];
  for (const entry of text.split(/[\s,]+/).filter((item) => item !== '')) {
    const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/.exec(entry);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) return null;
    nodes.push({ host: match[1]!.replace(/^\[|\]$/g, ''), port });
  }
  return nodes.length > 0 ? nodes : null;
}

export function nodeList(name: string) {
  const expected = `${name} must be a comma-separated list of host:port, e.g. 10.0.0.1:26379,10.0.0.2:26379`;
  return z
    .string()
    .refine((text) => parseRedisNodeList(text) !== null, { error: expected })
    .transform((text) => parseRedisNodeList(text)!);
}

/** Empty or blank strings (common in env files) count as absent. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

export function integer(name: string, min: number, max: number) {
  const expected = `${name} must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\s*\d+\s*$/, { error: expected })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: expected }).max(max, { error: expected }));
}

/** A 32-byte key written as 64 hex characters or as base64. */
export function decodeDataKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === DATA_KEY_BYTES ? bytes : null;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY entry: an IP address, a CIDR (address/prefix) or one of express's names. */
function isTrustedProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

export const TRUST_PROXY_EXPECTED =
  'TRUST_PROXY must be a number of proxy hops (0 to 10) or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8, loopback)';

export function parseTrustProxy(text: string): TrustProxy | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return hops <= 10 ? (hops === 0 ? false : hops) : null;
  }
  const entries = trimmed.split(',').map((entry) => entry.trim());
  return entries.every(isTrustedProxyEntry) ? Object.freeze(entries) : null;
}


export function httpUrl(name: string, example: string) {
  return z
    .string()
    .refine((text) => isHttpUrl(text.trim()), { error: `${name} must be an absolute http(s) URL without query or fragment, e.g. ${example}` })
    .transform((text) => text.trim());
}

export function isRedisUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'redis:' || url.protocol === 'rediss:';
  } catch {
    return false;
  }
}
