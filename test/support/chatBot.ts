/** The chat bot on botbuilder's TestAdapter: activities in as a channel sends them, replies read back. */
import { TestAdapter, type Activity } from 'botbuilder';
import { OrientationBot } from '../../src/chat/bot';
import { createChatTurns } from '../../src/chat/createChat';
import type { ChatTurns } from '../../src/chat/chatTurns';
import type { AppConfig } from '../../src/config/appConfig';
import type { Clock, KeyValueStore } from '../../src/domain/ports';
import { silentLogger } from '../../src/logging';
import { createPlaces } from '../../src/places/places';
import type { StoreKeys } from '../../src/storage/keys';
import { createTicketStore, type TicketStore } from '../../src/tickets/ticket-store';
import { createWaitingRoom } from '../../src/voice/waitingRoom';
import { createCallMachine } from '../../src/voice/callMachine';
import { callMachineDeps } from './callMachineDeps';
import { maskEmail, sealText } from '../../src/security/seal';
import { TEST_DATA_KEY } from './testApp';
import { repoConfig } from './config';

export interface ChatTestBot {
  adapter: TestAdapter;
  chat: ChatTurns;
  tickets: TicketStore;
  conversationId: string;
  /** The person joins: the replies to conversationUpdate. */
  join(): Promise<Partial<Activity>[]>;
  /** The person writes. */
  write(text: string): Promise<Partial<Activity>[]>;
  /** The person presses a button (messageBack, as Web Chat sends it). */
  press(title: string, choice: string): Promise<Partial<Activity>[]>;
}

export function chatTestBot(options: { store: KeyValueStore; keys: StoreKeys; clock: Clock; config?: AppConfig }): ChatTestBot {
  const config = options.config ?? repoConfig();
  const places = createPlaces();
  const tickets = createTicketStore(options.store, { ttlDays: 90, clock: options.clock, keys: options.keys });
  const chat = createChatTurns({
    config,
    // Real sealing: tickets refuse anything else.
    machine: createCallMachine({
      ...callMachineDeps(config),
      sealPhoneNumber: (e164) => ({ sealed: sealText(TEST_DATA_KEY, e164), lastDigits: e164.slice(-2) }),
      sealEmail: (email) => ({ sealed: sealText(TEST_DATA_KEY, email), hint: maskEmail(email) }),
    }),
    turnDeps: { flow: config.flow, departement: (code) => places.get(code) },
    store: options.store,
    keys: options.keys,
    tickets,
    waitingRoom: createWaitingRoom(options.store, options.keys, 3600),
    clock: options.clock,
    chatTtlSeconds: 3600,
    departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
  });
  const bot = new OrientationBot(chat, options.clock, silentLogger());
  const adapter = new TestAdapter(async (context) => bot.run(context));
  const conversationId = adapter.conversation.conversation.id;

  async function exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  }

  return {
    adapter,
    chat,
    tickets,
    conversationId,
    join: () =>
      exchange({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user1', name: 'User1' }],
        recipient: { id: 'bot', name: 'Bot' },
      }),
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
