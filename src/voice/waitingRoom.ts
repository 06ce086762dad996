/**
 * Who is waiting in each Twilio queue, oldest first, as Twilio serves them (FIFO). Lets the advisor's
 * dequeue call hear the whisper of the very caller it is about to bridge.
 */
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';

export interface WaitingRoom {
  join(queueName: string, callSid: string, at: Date): Promise<void>;
  leave(queueName: string, callSid: string): Promise<void>;
  /** The CallSid that has waited longest, or null when nobody waits. */
  first(queueName: string): Promise<string | null>;
}

export function createWaitingRoom(store: KeyValueStore, keys: StoreKeys, ttlSeconds: number): WaitingRoom {
  return {
    join: (queueName, callSid, at) => store.sortedAdd(keys.queue(queueName), callSid, at.getTime(), ttlSeconds),
    leave: (queueName, callSid) => store.sortedRemove(keys.queue(queueName), callSid),
    first: (queueName) => store.sortedFirst(keys.queue(queueName)),
  };
}
