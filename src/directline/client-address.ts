/**
 * The client's address, protocol and host of a plain node:http request, read exactly as express 5
 * reads req.ip, req.protocol and req.host under the app's `trust proxy` setting (the lean lane has no
 * express request). `trust` is the app's compiled setting: `app.get('trust proxy fn')`.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import proxyAddr from 'proxy-addr';

/** express's compiled `trust proxy` setting: is the address at this hop (0: the socket's) trusted? */
export type TrustProxy = (address: string | undefined, hop: number) => boolean;

/** req.ip: the furthest untrusted address of X-Forwarded-For, else the socket's. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string | undefined {
  return proxyAddr(req, trust as (address: string, hop: number) => boolean);
}

/** req.protocol: X-Forwarded-Proto's first value when the socket is a trusted proxy, else the socket's own. */
export function clientProtocol(req: IncomingMessage, trust: TrustProxy): string {
  const own = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  if (!trust(req.socket.remoteAddress, 0)) return own;
  const header = headerValue(req, 'x-forwarded-proto') || own;
  const comma = header.indexOf(',');
  return comma === -1 ? header.trim() : header.substring(0, comma).trim();
}

/** req.host: X-Forwarded-Host's first value when the socket is a trusted proxy, else Host (with its port). */
export function clientHost(req: IncomingMessage, trust: TrustProxy): string | undefined {
  let value = headerValue(req, 'x-forwarded-host');
  if (!value || !trust(req.socket.remoteAddress, 0)) value = headerValue(req, 'host');
  else if (value.includes(',')) value = value.substring(0, value.indexOf(',')).trimEnd();
  return value || undefined;
}

/** As express's req.get: the header's value as node keeps it (duplicates joined by ', '). */
function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
