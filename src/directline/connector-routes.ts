/**
 * The bot side of the channel: the subset of the Bot Connector API the bot replies through, mounted
 * under /directline/connector. Every call is authorized first (connector-auth.ts).
 */
import express, { type RequestHandler } from 'express';
import { parseOutgoingActivity, type ChannelAccount, type DirectLineActivity, type OutgoingActivityInput } from './activity';
import { authorizeConnectorCall, type ConnectorAuthOptions } from './connector-auth';
import type { ConversationLog } from './conversations';
import { ConversationNotFoundError, noStore, sendError } from './http';
import { CHANNEL_SECRET_HEADER } from './internal-address';
import { CONVERSATION_ID_PATTERN } from './tokens';

export interface ConnectorRouterDeps {
  log: Pick<ConversationLog, 'get'>;
  connectorAuth: ConnectorAuthOptions;
  connectorBaseUrl(): string;
  isChannelSecret(value: string | string[] | undefined): boolean;
  /** Shows the bot's activity to the user (index.ts). */
  appendOutgoing(conversationId: string, input: OutgoingActivityInput, replyToId?: string): Promise<DirectLineActivity>;
}

export function createConnectorRouter(deps: ConnectorRouterDeps): express.Router {
  const connector = express.Router();
  connector.use(noStore, async (req, res, next) => {
    const decision = await authorizeConnectorCall(req, deps.connectorAuth, () => deps.connectorBaseUrl(), (request) =>
      deps.isChannelSecret(request.headers[CHANNEL_SECRET_HEADER]),
    );
    if (!decision.ok) return sendError(res, decision.status, decision.code, decision.message);
    next();
  });
  connector.use(express.json({ limit: '512kb' }));

  const sendFromBot: RequestHandler = async (req, res) => {
    const input = parseOutgoingActivity(req.body);
    const replyToId = typeof req.params.activityId === 'string' ? req.params.activityId : undefined;
    const activity = await deps.appendOutgoing(String(req.params.conversationId), input, replyToId);
    res.json({ id: activity.id });
  };
  const notSupported: RequestHandler = (_req, res) =>
    sendError(res, 405, 'NotSupported', 'This channel does not support this operation');
  connector.post('/v3/conversations/:conversationId/activities/history', notSupported);
  connector.post('/v3/conversations/:conversationId/activities', sendFromBot);
  connector.post('/v3/conversations/:conversationId/activities/:activityId', sendFromBot);

  const members: RequestHandler = async (req, res) => {
    const conversationId = String(req.params.conversationId);
    const record = CONVERSATION_ID_PATTERN.test(conversationId) ? await deps.log.get(conversationId) : null;
    if (!record) throw new ConversationNotFoundError();
    const list: ChannelAccount[] = [{ id: record.userId, role: 'user' }];
    if (req.path.endsWith('/pagedmembers')) return void res.json({ members: list });
    if (req.params.memberId === undefined) return void res.json(list);
    const member = list.find((account) => account.id === req.params.memberId);
    if (!member) return sendError(res, 404, 'MemberNotFound', 'No such member in this conversation');
    res.json(member);
  };
  connector.get('/v3/conversations/:conversationId/members', members);
  connector.get('/v3/conversations/:conversationId/members/:memberId', members);
  connector.get('/v3/conversations/:conversationId/pagedmembers', members);
  connector.get('/v3/conversations/:conversationId/activities/:activityId/members', members);
  connector.delete('/v3/conversations/:conversationId/members/:memberId', notSupported);
  connector.post('/v3/conversations/:conversationId/attachments', notSupported);
  connector.put('/v3/conversations/:conversationId/activities/:activityId', notSupported);
  connector.delete('/v3/conversations/:conversationId/activities/:activityId', notSupported);
  connector.post('/v3/conversations', notSupported);

  return connector;
}
