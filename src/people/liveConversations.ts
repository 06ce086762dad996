/**
 * The live state of a person's call or chat, for GDPR requests: the chat's transcript while it lasts,
 * and erasure of everything a conversation keeps outside its ticket (the call's state, the chat's
 * state and transcript, its Direct Line activities and record, its place in a waiting room).
 */
import type { LiveConversations } from '../advisors/gdpr';
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import type { Ticket, TranscriptLine } from '../tickets/ticket';

export function createLiveConversations(deps: {
  store: KeyValueStore;
  keys: StoreKeys;
  chatTranscript(conversationId: string): Promise<TranscriptLine[] | null>;
  /** The chat waiting queue of a département (src/chat). */
  chatQueueName(departement: string | null): string;
}): LiveConversations {
  const { store, keys } = deps;
  return {
    chatTranscript: (conversationId) => deps.chatTranscript(conversationId),
    async erase(ticket: Ticket) {
      const id = ticket.conversationId;
      const live = ticket.channel === 'chat' ? [keys.chat(id), keys.chatTranscript(id), keys.directLineActivities(id), keys.directLineConversation(id)] : [keys.call(id)];
      let found = false;
      for (const key of live) {
        if ((await store.ttl(key)) !== -2) found = true;
        await store.del(key);
      }
      if (ticket.channel === 'chat') await store.sortedRemove(keys.queue(deps.chatQueueName(ticket.departement ?? null)), id);
      return found;
    },
  };
}
