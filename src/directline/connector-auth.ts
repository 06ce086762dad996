/**
 * Who may call the connector (the endpoints the bot replies to).
 *
 * Local mode (no MicrosoftAppId, the bot runs in this service without Bot Framework credentials):
 * botbuilder sends no credentials, so the connector answers only calls made to the internal base
 * URL, i.e. over loopback, with the internal Host, and without any proxy header. A public request
 * arrives through the reverse proxy (which adds X-Forwarded-For) or on a public address, and is refused.
 *
 * App-id mode: the bot sends a Bearer token from Microsoft Entra ID. Checking it needs Microsoft's
 * signing keys, fetched from the Internet: plug a verifier in (`verifyBotToken`). Without one every
 * call is refused with a clear message rather than accepted unchecked.
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
): Promise<ConnectorDecision> {
  if (options.appId) {
    const token = bearerToken(req.header('authorization'));
    if (!token) return { ok: false, status: 401, code: 'Unauthorized', message: 'A bot token is required' };
    if (!options.verifyBotToken) {
      // TODO(bot auth): verify Entra ID tokens (issuer, aud https://api.botframework.com, appid, keys).
      return {
        ok: false,
        status: 401,
        code: 'Unauthorized',
        message: 'Bot tokens cannot be verified by this service yet: run the bot without MicrosoftAppId on the internal address',
      };
    }
    const valid = await options.verifyBotToken(token).catch(() => false);
    return valid ? { ok: true } : { ok: false, status: 401, code: 'Unauthorized', message: 'The bot token is not valid' };
  }
  let base: string;
  try {
    base = internalBaseUrl();
  } catch {
    return { ok: false, status: 403, code: 'Forbidden', message: 'The connector is not ready' };
  }
  if (isInternalCall(req, base)) return { ok: true };
  return { ok: false, status: 403, code: 'Forbidden', message: 'The connector only answers the bot on the internal address' };
}
