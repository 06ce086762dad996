/**
 * Who is waiting in each Twilio queue, oldest first, as Twilio serves them (FIFO). Lets the advisor's
 * dequeue call hear the whisper of the very caller it is about to bridge.
 */
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';

export interface WaitingRoom {
  join(queueName: string, callSid: string, at: Date): Promise<void>;
  /** True when this call took them out (they were waiting). */
  leave(queueName: string, callSid: string): Promise<boolean>;
  /** The CallSid that has waited longest, or null when nobody waits. */
  first(queueName: string): Promise<string | null>;
  /** Everyone waiting, and since when, the longest first. */
  everyone(queueName: string): Promise<Array<{ id: string; since: Date }>>;
}

export function createWaitingRoom(store: KeyValueStore, keys: StoreKeys, ttlSeconds: number): WaitingRoom {
  return {
    join: (queueName, callSid, at) => store.sortedAdd(keys.queue(queueName), callSid, at.getTime(), ttlSeconds),
    leave: (queueName, callSid) => store.sortedRemove(keys.queue(queueName), callSid),
    first: (queueName) => store.sortedFirst(keys.queue(queueName)),
    everyone: async (queueName) => (await store.sortedMembers(keys.queue(queueName))).map(({ member, score }) => ({ id: member, since: new Date(score) })),
  };
}
