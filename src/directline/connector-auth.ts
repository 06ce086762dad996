/**
 * Who may call the connector (the endpoints the bot replies to).
 *
 * The bot of this service calls it over the internal base URL, i.e. over loopback, with the internal
 * Host, without any proxy header, and with the channel secret (see internal-address.ts): that call is
 * accepted in both modes (the bot answers our own channel's activities without Bot Framework
 * credentials, nothing leaving the machine). Loopback without the secret is refused: a reverse proxy
 * on the same machine may forward anyone from 127.0.0.1 with the internal Host.
 *
 * App-id mode, anyone else: a Bearer token from Microsoft Entra ID is required. Checking it needs
 * Microsoft's signing keys, fetched from the Internet: plug a verifier in (`verifyBotToken`). Without
 * one every such call is refused with a clear message rather than accepted unchecked.
 */
import type { Request } from 'express';
import { bearerToken } from './stream';

export interface ConnectorAuthOptions {
  /** The bot's Microsoft app id; empty or absent: local mode. */
  appId?: string;
  /** Checks a bot's Bearer token (issuer, audience, appid claim = appId, signature, expiry). */
  verifyBotToken?(token: string): Promise<boolean>;
}

export type ConnectorDecision = { ok: true } | { ok: false; status: 401 | 403; code: string; message: string };

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded', 'x-real-ip'];

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

/** True when the request came straight to the internal base URL over loopback (no proxy in between). */
export function isInternalCall(req: Request, internalBaseUrl: string): boolean {
  let internalHost: string;
  try {
    internalHost = new URL(internalBaseUrl).host;
  } catch {
    return false;
  }
  // The socket, never req.ip: the app trusts X-Forwarded-For, which any client can write.
  if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackAddress(req.socket.localAddress)) return false;
  if (PROXY_HEADERS.some((name) => req.headers[name] !== undefined)) return false;
  return req.headers.host === internalHost;
}

export async function authorizeConnectorCall(
  req: Request,
  options: ConnectorAuthOptions,
  internalBaseUrl: () => string,
  hasChannelSecret: (req: Request) => boolean,
): Promise<ConnectorDecision> {
  let base: string | null;
  try {
    base = internalBaseUrl();
  } catch {
    base = null;
  }
  if (base !== null && isInternalCall(req, base) && hasChannelSecret(req)) return { ok: true };
  if (!options.appId) {
    return base === null
      ? { ok: false, status: 403, code: 'Forbidden', message: 'The connector is not ready' }
      : { ok: false, status: 403, code: 'Forbidden', message: 'The connector only answers the bot on the internal address' };
  }
  const token = bearerToken(req.header('authorization'));
  if (!token) return { ok: false, status: 401, code: 'Unauthorized', message: 'A bot token is required' };
  if (!options.verifyBotToken) {
    // TODO(bot auth): verify Entra ID tokens (issuer, aud https://api.botframework.com, appid, keys).
    return {
      ok: false,
      status: 401,
      code: 'Unauthorized',
      message: 'Bot tokens from outside cannot be verified by this service yet: the bot answers on the internal address',
    };
  }
  const valid = await options.verifyBotToken(token).catch(() => false);
  return valid ? { ok: true } : { ok: false, status: 401, code: 'Unauthorized', message: 'The bot token is not valid' };
}
