/**
 * The service's own loopback address, known once the http server listens: the channel delivers the
 * user's activities to the bot there (/api/messages), and gives the bot the connector there as its
 * `serviceUrl`, so that channel ↔ bot traffic never goes out through the public URL.
 *
 * Loopback alone proves nothing (a reverse proxy on the same machine forwards strangers from
 * 127.0.0.1): both directions also carry the channel secret, random, made at start, held only by this
 * process, and compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';

/** The header that carries the channel secret on the channel's own calls (to the bot, to the connector). */
export const CHANNEL_SECRET_HEADER = 'x-orientation-channel-secret';

export interface InternalAddress {
  /** Sets the base from the listening server's port (http://127.0.0.1:<port>). */
  setFromServer(server: Server): void;
  /** Sets the base explicitly (no trailing slash), e.g. http://127.0.0.1:3000. */
  set(baseUrl: string): void;
  /** The base; throws until set. */
  baseUrl(): string;
  /** `${base}/api/messages` */
  botEndpoint(): string;
  /** `${base}/directline/connector` */
  connectorBaseUrl(): string;
  /** The secret the channel's own calls carry in CHANNEL_SECRET_HEADER. */
  readonly channelSecret: string;
  /** True when `value` (a header's value) is the channel secret; constant time. */
  isChannelSecret(value: string | string[] | undefined): boolean;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function createInternalAddress(): InternalAddress {
  let base: string | undefined;
  const channelSecret = randomBytes(32).toString('base64url');
  const secretDigest = digest(channelSecret);
  const address: InternalAddress = {
    setFromServer(server) {
      const where = server.address();
      if (!where || typeof where === 'string') throw new Error('The server does not listen on a TCP port yet');
      address.set(`http://127.0.0.1:${where.port}`);
    },
    set(baseUrl) {
      const url = new URL(baseUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError('The internal base URL must be http(s)');
      base = baseUrl.replace(/\/+$/, '');
    },
    baseUrl() {
      if (!base) throw new Error('The internal address is not known yet: call setFromServer(server) after listen');
      return base;
    },
    botEndpoint: () => `${address.baseUrl()}/api/messages`,
    connectorBaseUrl: () => `${address.baseUrl()}/directline/connector`,
    channelSecret,
    // Digests of equal length: timingSafeEqual says nothing of the given value's length either.
    isChannelSecret: (value) => typeof value === 'string' && timingSafeEqual(digest(value), secretDigest),
  };
  return address;
}
