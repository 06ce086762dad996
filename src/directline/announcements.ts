/**
 * What a conversation log puts on the bus, and how a stream reads it back (conversations.ts writes,
 * stream.ts reads).
 */
import type { DirectLineActivity } from './activity';

/**
 * What goes on the bus. Activities logged in a row go as a framed announcement: `dl1 <count>
 * <watermark> ` then the WebSocket message itself (`{"activities":[…],"watermark":"<watermark>"}`,
 * the bytes Direct Line sends), so that a stream sends it as it came, without parsing it and
 * serialising it again. An ephemeral activity (typing) goes as JSON, without watermark. (The JSON
 * forms of earlier versions, `{ activities, watermark? }` and `{ activity, watermark? }`, are still
 * read: a process of the previous version publishing during a rolling update is understood.)
 */
export interface BusAnnouncement {
  activities: DirectLineActivity[];
  watermark?: number;
}

/** Activities logged in a row, as a ready WebSocket message: `count` of them, `watermark` after the last. */
export interface FramedAnnouncement {
  count: number;
  watermark: number;
  frame: string;
}

const FRAME_TAG = 'dl1 ';
const FRAME_HEADER = /^dl1 ([1-9]\d{0,8}) (\d{1,9}) /;

/** The bus message of activities logged in a row (already serialised, ids included): what decodeFramed reads. */
export function framedAnnouncement(jsons: readonly string[], watermark: number): string {
  return `${FRAME_TAG}${jsons.length} ${watermark} {"activities":[${jsons.join(',')}],"watermark":"${watermark}"}`;
}

/** A framed announcement, or null when the message is not one (or not consistent). */
export function decodeFramed(message: string): FramedAnnouncement | null {
  if (!message.startsWith(FRAME_TAG)) return null;
  const header = FRAME_HEADER.exec(message);
  if (!header) return null;
  const count = Number(header[1]);
  const watermark = Number(header[2]);
  if (watermark < count) return null;
  return { count, watermark, frame: message.slice(header[0].length) };
}

export function decodeAnnouncement(message: string): BusAnnouncement | null {
  try {
    const value = JSON.parse(message) as Partial<BusAnnouncement> & { activity?: DirectLineActivity };
    if (!value || typeof value !== 'object') return null;
    const activities = value.activities ?? (value.activity === undefined ? undefined : [value.activity]);
    if (!Array.isArray(activities) || activities.length === 0 || activities.some((activity) => typeof activity !== 'object' || activity === null)) return null;
    if (value.watermark !== undefined && !(Number.isInteger(value.watermark) && value.watermark >= activities.length)) return null;
    return value.watermark === undefined ? { activities } : { activities, watermark: value.watermark };
  } catch {
    return null;
  }
}
