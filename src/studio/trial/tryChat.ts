/**
 * Try a chat conversation against a draft: the real service (see trialApp.ts), its bot and its
 * conversation, the person's messages and button presses played in turn on botbuilder's TestAdapter.
 * The transcript holds every reply, its buttons, and the hand-over to advisors when there is one.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { DepartementCodeSchema } from '../../advisors/principal';
import { OrientationBot } from '../../chat/bot';
import type { HandoffContext } from '../../chat/chatTurns';
import type { AppConfig } from '../../config/appConfig';
import { silentLogger } from '../../logging';
import { botConversation, buttonsOf } from './botConversation';
import { trialMoment, withTrialService, type ServiceBuilder } from './trialApp';
import { LocalDateTimeSchema } from './tryCall';

export const ChatMessageSchema = z.union([
  z.string().trim().min(1).max(2000),
  /** A button pressed, by its title. */
  z.strictObject({ press: z.string().trim().min(1).max(200) }),
]);

export const ChatTrialSchema = z.strictObject({
  territory: DepartementCodeSchema.optional(),
  at: LocalDateTimeSchema,
  messages: z.array(ChatMessageSchema).max(40),
});

export type ChatTrial = z.infer<typeof ChatTrialSchema>;

export type ChatLine =
  | { who: 'person'; text: string; pressed?: true }
  | { who: 'service'; text: string; buttons: string[]; urgent?: true }
  /** The conversation goes to the advisors of a territory (or the national team). */
  | { who: 'service'; handedOver: { queue: string; ticketRef: string; priority: string } };

export interface ChatTranscript {
  at: string;
  timeZone: string;
  lines: ChatLine[];
}

function linesOf(activities: Partial<Activity>[]): ChatLine[] {
  return activities.flatMap((activity): ChatLine[] => {
    if (activity.type === 'message') {
      const buttons = (activity.suggestedActions?.actions ?? []).map((action) => String(action.title));
      return [{ who: 'service', text: activity.text ?? '', buttons, ...(activity.importance === 'urgent' ? { urgent: true as const } : {}) }];
    }
    if (activity.type === 'event' && activity.name === 'handoff.initiate') {
      const context = activity.value as HandoffContext;
      return [{ who: 'service', handedOver: { queue: context.queue, ticketRef: context.ticketRef, priority: context.priority } }];
    }
    return [];
  });
}

export async function tryChat(buildApp: ServiceBuilder, config: AppConfig, trial: ChatTrial): Promise<ChatTranscript> {
  const moment = trialMoment(config, trial.at, trial.territory);
  return withTrialService(buildApp, config, moment.instant, async ({ app, clock }) => {
    const conversation = botConversation(new OrientationBot(app.chat, clock, silentLogger()));
    let last = await conversation.join();
    const lines = linesOf(last);
    for (const message of trial.messages) {
      if (typeof message === 'string') {
        lines.push({ who: 'person', text: message });
        last = await conversation.write(message);
      } else {
        // A button of the last replies, by its title; a title not offered is written as text, as a person would.
        const button = buttonsOf(last).find((each) => each.title.toLowerCase() === message.press.toLowerCase());
        lines.push({ who: 'person', text: message.press, ...(button ? { pressed: true as const } : {}) });
        last = button ? await conversation.press(button.title, button.choice) : await conversation.write(message.press);
      }
      lines.push(...linesOf(last));
    }
    return { at: moment.instant.toISOString(), timeZone: moment.timeZone, lines };
  });
}
