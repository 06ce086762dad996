/**
 * The live-chat relay, advisor side (the console and advisor sign-in come with the advisor issue; until
 * then a bearer token guards it): take a conversation (the bot goes quiet), write to the person, read
 * the conversation, hand it back to the bot.
 */
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { invalidRequest } from '../http/problems';
import type { Logger } from '../logging';
import type { ChatChannel } from './channel';
import { ADVISOR_SENDER_ID, advisorMessage, markdownMessage } from './chatActivities';
import type { ChatReply, ChatTurns } from './chatTurns';
import { markdownToPlain } from './markdown';

const ConversationId = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'un identifiant de conversation');
const AdvisorMessage = z.strictObject({ text: z.string().trim().min(1, 'il faut un message, pas un texte vide').max(4000) });

export interface RelayDeps {
  chat: ChatTurns;
  channel: ChatChannel;
  requireAdvisor: RequestHandler;
  /** The first name of the advisor making the request (their sign-in's given_name), when known; never their e-mail. */
  advisorFirstName(res: express.Response): string | undefined;
  logger: Logger;
}

export function createRelayRouter(deps: RelayDeps): Router {
  const router = express.Router();
  router.use('/api/chats', deps.requireAdvisor, express.json({ limit: '16kb' }));

  async function show(conversationId: string, replies: readonly ChatReply[]): Promise<void> {
    for (const reply of replies) {
      if (reply.kind === 'message') await deps.channel.appendBotActivity(conversationId, markdownMessage(reply.text));
    }
  }

  const withConversation =
    (handle: (conversationId: string, req: express.Request, res: express.Response) => Promise<void>): RequestHandler =>
    async (req, res) => {
      const id = ConversationId.safeParse(req.params.id);
      if (!id.success) {
        res.status(400).json({ error: 'L’identifiant de la conversation n’est pas valide.' });
        return;
      }
      try {
        if ((await deps.chat.mode(id.data)) === null) {
          res.status(404).json({ error: 'Cette conversation n’existe pas ou est terminée.' });
          return;
        }
        await handle(id.data, req, res);
      } catch (error) {
        deps.logger.error({ err: error }, 'chat relay failed');
        res.status(503).json({ error: 'Le chat ne répond pas. Réessayez dans un instant.' });
      }
    };

  router.post(
    '/api/chats/:id/take',
    withConversation(async (id, _req, res) => {
      await show(id, await deps.chat.setMode(id, 'human'));
      res.json({ conversationId: id, mode: 'human' });
    }),
  );

  router.post(
    '/api/chats/:id/messages',
    withConversation(async (id, req, res) => {
      const body = AdvisorMessage.safeParse(req.body);
      if (!body.success) {
        res.status(400).json({ error: invalidRequest(body.error) });
        return;
      }
      if ((await deps.chat.mode(id)) !== 'human') {
        res.status(409).json({ error: 'Prenez d’abord la conversation.' });
        return;
      }
      const firstName = deps.advisorFirstName(res);
      await deps.chat.recordAdvisorLine(id, body.data.text, firstName);
      const activity = await deps.channel.appendBotActivity(id, advisorMessage(body.data.text, firstName));
      res.status(201).json({ id: activity.id });
    }),
  );

  router.post(
    '/api/chats/:id/release',
    withConversation(async (id, _req, res) => {
      await show(id, await deps.chat.setMode(id, 'bot'));
      res.json({ conversationId: id, mode: 'bot' });
    }),
  );

  router.get(
    '/api/chats/:id/transcript',
    withConversation(async (id, _req, res) => {
      const activities = await deps.channel.transcript(id);
      res.json({
        conversationId: id,
        mode: await deps.chat.mode(id),
        messages: activities
          .filter((a) => a.type === 'message')
          .map((a) => {
            const from = a.from.id === ADVISOR_SENDER_ID ? 'advisor' : a.from.role === 'user' ? 'user' : 'bot';
            // The person's contact details and postcode stay in their own Web Chat; advisors read them masked.
            const text = a.textFormat === 'markdown' ? markdownToPlain(a.text ?? '') : (a.text ?? '');
            return { id: a.id, at: a.timestamp, from, text: from === 'user' ? deps.chat.masked(text) : text };
          }),
      });
    }),
  );
  return router;
}
