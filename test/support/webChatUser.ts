/** A Web Chat user over our own Direct Line: what botframework-directlinejs sends, by hand. */
import { markdownToPlain } from '../../src/chat/markdown';
import type { RunningTestApp } from './testApp';

export interface Activity {
  id: string;
  type: string;
  name?: string;
  text?: string;
  textFormat?: string;
  from: { id: string; role?: string; name?: string };
  suggestedActions?: { actions: Array<{ title: string; value: { choice: string } }> };
  channelData?: { clientActivityID?: string };
}

export class WebChatUser {
  constructor(private readonly app: RunningTestApp) {}
  conversationId = '';
  token = '';
  private watermark = '';

  async open(): Promise<Activity[]> {
    const issued = await fetch(`${this.app.httpBase}/chat/token`, { method: 'POST' });
    expect(issued.status).toBe(200);
    const session = (await issued.json()) as { token: string; conversationId: string };
    this.token = session.token;
    const started = await fetch(`${this.app.httpBase}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${this.token}` } });
    expect(started.status).toBe(201);
    const conversation = (await started.json()) as { conversationId: string; streamUrl: string };
    this.conversationId = conversation.conversationId;
    expect(conversation.streamUrl).toMatch(/^wss?:\/\//);
    return this.waitForBot();
  }

  async post(activity: Record<string, unknown>): Promise<Activity[]> {
    const response = await fetch(`${this.app.httpBase}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: 'user' }, locale: 'fr-FR', ...activity }),
    });
    expect(response.status).toBe(200);
    return this.waitForBot();
  }

  write(text: string) {
    return this.post({ type: 'message', text, channelData: { clientActivityID: `c-${Date.now()}` } });
  }

  press(title: string, choice: string) {
    return this.post({ type: 'message', text: title, value: { choice }, channelData: { messageBack: { displayText: title } } });
  }

  /** Reads new activities until the bot has said something and then nothing more for a moment. */
  async waitForBot(): Promise<Activity[]> {
    const seen: Activity[] = [];
    let quietPolls = 0;
    for (let attempt = 0; attempt < 100 && quietPolls < 3; attempt++) {
      const response = await fetch(`${this.app.httpBase}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (response.status === 503 || response.status === 429) {
        // As Web Chat does: the service is busy for a moment (a slow store on a loaded machine), poll again.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      if (!response.ok) throw new Error(`GET activities answered ${response.status}: ${await response.text()}`);
      const page = (await response.json()) as { activities: Activity[]; watermark: string };
      this.watermark = page.watermark ?? this.watermark;
      seen.push(...page.activities);
      const botSpoke = seen.some((a) => a.from.role === 'bot');
      quietPolls = botSpoke && page.activities.length === 0 ? quietPolls + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return seen.filter((a) => a.from.role === 'bot');
  }
}


/** What the person reads: the messages' text, markdown shown as Web Chat shows it (no escapes, no hard-break spaces). */
export const texts = (activities: Activity[]) =>
  activities
    .filter((a) => a.type === 'message')
    .map((a) => (a.textFormat === 'markdown' ? markdownToPlain(a.text ?? '') : (a.text ?? '')))
    .join('\n');

/**
 * A person oriented to Loire-Atlantique by buttons and a postcode (a carer, housing), handed to its
 * advisors; returns the chat and the bot's last replies (with the ticket's ref).
 */
export async function chatHandedTo44(app: RunningTestApp): Promise<{ user: WebChatUser; replies: string }> {
  const user = new WebChatUser(app);
  await user.open();
  await user.press('Pour un proche que vous aidez', '2');
  await user.press("La vie à la maison, le logement ou l'argent", '1');
  await user.press('Se loger', '3');
  if (!texts(await user.write('44000')).includes('Loire-Atlantique')) throw new Error('the bot did not find Loire-Atlantique');
  return { user, replies: texts(await user.press('Oui', '1')) };
}
