/**
 * The Bot Framework edge of the chat: activities in, activities out. Every botbuilder type stays in
 * this file and botEndpoint.ts (the move to the Microsoft 365 Agents SDK will be those two files);
 * the conversation itself is ChatTurns.
 */
import { ActionTypes, ActivityHandler, ActivityTypes, EventFactory, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import type { Clock } from '../domain/ports';
import type { Logger } from '../logging';
import { markdownMessage } from './chatActivities';
import type { ChatInput, ChatReply, ChatTurns } from './chatTurns';

/** The event the chat page posts when the person leaves it (src/web/public/chat.js). */
export const LEFT_EVENT = 'conversation.left';

/** A pressed button comes back as a messageBack activity whose value is { choice }. */
function choiceOf(activity: Activity): string | undefined {
  const value = activity.value as { choice?: unknown } | undefined;
  return typeof value?.choice === 'string' && value.choice.length <= 64 ? value.choice : undefined;
}

export function toChatInput(activity: Activity, at: string): ChatInput {
  return {
    conversationId: activity.conversation.id,
    // ChatTurns reads up to MESSAGE_READ_CHARS and tells the person when a message is longer.
    text: typeof activity.text === 'string' ? activity.text : undefined,
    choice: choiceOf(activity),
    at,
  };
}

function toActivity(context: TurnContext, reply: ChatReply): Partial<Activity> {
  if (reply.kind === 'handoff') {
    const transcript = {
      activities: reply.transcript.map((line) => ({
        type: ActivityTypes.Message,
        text: line.text,
        timestamp: new Date(line.at),
        from: { id: line.from, name: line.from, role: line.from === 'user' ? 'user' : 'bot' },
      })) as Activity[],
    };
    return EventFactory.createHandoffInitiation(context, reply.context, transcript);
  }
  const actions: CardAction[] = reply.buttons.map((button) => ({
    type: ActionTypes.MessageBack,
    title: button.title,
    text: button.title,
    displayText: button.title,
    value: { choice: button.value },
  }));
  const { text, textFormat, locale } = markdownMessage(reply.text);
  const activity = actions.length > 0 ? MessageFactory.suggestedActions(actions, text) : MessageFactory.text(text);
  activity.locale = locale;
  activity.textFormat = textFormat;
  if (reply.urgent) activity.importance = 'urgent';
  return activity;
}

export class OrientationBot extends ActivityHandler {
  constructor(
    private readonly chat: ChatTurns,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    super();
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient.id);
      if (joined) await this.send(context, await this.chat.welcome(context.activity.conversation.id, this.now()));
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.reply(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === LEFT_EVENT) await this.chat.left(context.activity.conversation.id);
      await next();
    });
  }

  /**
   * One turn of our own channel (botEndpoint.ts, in process): a message goes straight to its handler,
   * without ActivityHandler's dispatch (its layers of handlers and promises, for the one handler this
   * bot registers); any other activity is dispatched by `run`, as for every channel.
   */
  async ownChannelTurn(context: TurnContext): Promise<void> {
    if (context.activity.type === ActivityTypes.Message) await this.reply(context);
    else await this.run(context);
  }

  /** A message: the chat's replies to it. */
  private async reply(context: TurnContext): Promise<void> {
    await this.send(context, await this.chat.message(toChatInput(context.activity, this.now())));
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private async send(context: TurnContext, replies: readonly ChatReply[]): Promise<void> {
    if (replies.length === 0) return;
    await context.sendActivities(replies.map((reply) => toActivity(context, reply)));
  }

  /** One error handler: log, apologise in French (the words of the conversation's version), start afresh. */
  async onTurnError(context: TurnContext, error: unknown): Promise<void> {
    const conversationId: string | undefined = context.activity.conversation?.id;
    this.logger.error({ err: error, conversationId }, 'chat turn failed');
    try {
      await context.sendActivity(MessageFactory.text(await this.chat.apology(conversationId)));
    } catch (sendError) {
      this.logger.error({ err: sendError }, 'could not apologise to the chat user');
    }
  }
}
