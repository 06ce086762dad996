/**
 * What chat features (the advisor relay, notices) need from the web chat channel, without depending
 * on how it is implemented (src/directline implements it: `DirectLine` is a `ChatChannel`).
 */
export interface ChatActivity {
  id: string;
  type: string;
  timestamp: string;
  from: { id: string; name?: string; role?: 'user' | 'bot' };
  text?: string;
  [property: string]: unknown;
}

export type ChatOutgoingActivity = { type: string; text?: string; from?: { id?: string; name?: string } } & Record<string, unknown>;

export interface ChatChannel {
  /** Shows an activity to the user as from the bot side (an advisor's message, a notice); not sent to the bot. */
  appendBotActivity(conversationId: string, activity: ChatOutgoingActivity): Promise<ChatActivity>;
  /** The logged activities of a conversation, oldest first. */
  transcript(conversationId: string): Promise<ChatActivity[]>;
}
