/** The chat bot on botbuilder's TestAdapter: activities in as a channel sends them, replies read back. */
import { botConversation, type BotConversation } from '../../src/studio/trial/botConversation';
import { OrientationBot } from '../../src/chat/bot';
import { createChatRuntime, createChatTurns } from '../../src/chat/createChat';
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

export interface ChatTestBot extends BotConversation {
  chat: ChatTurns;
  tickets: TicketStore;
}

export function chatTestBot(options: { store: KeyValueStore; keys: StoreKeys; clock: Clock; config?: AppConfig }): ChatTestBot {
  const config = options.config ?? repoConfig();
  const places = createPlaces();
  const tickets = createTicketStore(options.store, { ttlDays: 90, clock: options.clock, keys: options.keys });
  const runtime = createChatRuntime({
    version: 'test',
    config,
    // Real sealing: tickets refuse anything else.
    machine: createCallMachine({
      ...callMachineDeps(config),
      sealPhoneNumber: (e164) => ({ sealed: sealText(TEST_DATA_KEY, e164), lastDigits: e164.slice(-2) }),
      sealEmail: (email) => ({ sealed: sealText(TEST_DATA_KEY, email), hint: maskEmail(email) }),
    }),
    turnDeps: { flow: config.flow, departement: (code) => places.get(code) },
    departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
  });
  const chat = createChatTurns({
    runtime: async () => runtime,
    store: options.store,
    keys: options.keys,
    tickets,
    waitingRoom: createWaitingRoom(options.store, options.keys, 3600),
    clock: options.clock,
    chatTtlSeconds: 3600,
    departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
  });
  return { ...botConversation(new OrientationBot(chat, options.clock, silentLogger())), chat, tickets };
}

export { buttonsOf, textsOf } from '../../src/studio/trial/botConversation';
