/** The session id inside express-session's signed cookie value (`s:<id>.<signature>`). */
export function keyedSessionId(cookieValue: string): string {
  const decoded = decodeURIComponent(cookieValue);
  return decoded.slice(2, decoded.lastIndexOf('.'));
}
