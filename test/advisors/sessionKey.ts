/** express-session's signed cookie value (`s:<id>.<signature>`, the signature as cookie-signature makes it). */
import { createHmac } from 'node:crypto';

export function keyedSessionId(cookieValue: string): string {
  const decoded = decodeURIComponent(cookieValue);
  return decoded.slice(2, decoded.lastIndexOf('.'));
}

export function signedSessionCookie(sessionId: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(sessionId).digest('base64').replace(/=+$/, '');
  return encodeURIComponent(`s:${sessionId}.${signature}`);
}
