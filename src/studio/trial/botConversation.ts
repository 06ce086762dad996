/**
 * A conversation with the chat bot in-process, on botbuilder's TestAdapter: activities in as a
 * channel sends them, the bot's replies read back. Nothing goes over the network.
 */
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';

export interface RunnableBot {
  run(context: TurnContext): Promise<void>;
}

export interface BotConversation {
  adapter: TestAdapter;
  conversationId: string;
  /** The person joins: the replies to conversationUpdate. */
  join(): Promise<Partial<Activity>[]>;
  /** The person writes. */
  write(text: string): Promise<Partial<Activity>[]>;
  /** The person presses a button (messageBack, as Web Chat sends it). */
  press(title: string, choice: string): Promise<Partial<Activity>[]>;
}

export function botConversation(bot: RunnableBot): BotConversation {
  const adapter = new TestAdapter(async (context) => bot.run(context));
  async function exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  }
  return {
    adapter,
    conversationId: adapter.conversation.conversation.id,
    join: () => exchange({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }], recipient: { id: 'bot', name: 'Bot' } }),
    write: (text) => exchange({ type: 'message', text }),
    press: (title, choice) => exchange({ type: 'message', text: title, value: { choice } }),
  };
}

export function textsOf(activities: Partial<Activity>[]): string {
  return activities.filter((a) => a.type === 'message').map((a) => a.text ?? '').join('\n');
}

export function buttonsOf(activities: Partial<Activity>[]): Array<{ title: string; choice: string }> {
  const last = [...activities].reverse().find((a) => a.suggestedActions?.actions?.length);
  return (last?.suggestedActions?.actions ?? []).map((action) => ({ title: String(action.title), choice: String((action.value as { choice: string }).choice) }));
}
