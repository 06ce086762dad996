/** A person in the web chat, as Web Chat drives our Direct Line: a token, a conversation, posts, replies read by watermark. */
import type { RunningTestApp } from '../support/testApp';

export interface BotActivity {
  type: string;
  name?: string;
  text?: string;
  from: { id: string; role?: string };
}

export class WebChatUser {
  private token = '';
  private conversationId = '';
  private watermark = '';

  constructor(private readonly app: RunningTestApp) {}

  async open(): Promise<BotActivity[]> {
    const issued = await fetch(`${this.app.httpBase}/chat/token`, { method: 'POST' });
    this.token = ((await issued.json()) as { token: string }).token;
    const started = await fetch(`${this.app.httpBase}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${this.token}` } });
    if (started.status !== 201) throw new Error(`conversation not started: ${started.status}`);
    this.conversationId = ((await started.json()) as { conversationId: string }).conversationId;
    return this.waitForBot();
  }

  write(text: string): Promise<BotActivity[]> {
    return this.post({ type: 'message', text });
  }

  press(title: string, choice: string): Promise<BotActivity[]> {
    return this.post({ type: 'message', text: title, value: { choice }, channelData: { messageBack: { displayText: title } } });
  }

  private async post(activity: Record<string, unknown>): Promise<BotActivity[]> {
    const response = await fetch(`${this.app.httpBase}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: 'user' }, locale: 'fr-FR', ...activity }),
    });
    if (response.status !== 200) throw new Error(`activity refused: ${response.status}`);
    return this.waitForBot();
  }

  /** New activities of the bot, once it has spoken and then been quiet for three polls. */
  private async waitForBot(): Promise<BotActivity[]> {
    const seen: BotActivity[] = [];
    let quietPolls = 0;
    for (let attempt = 0; attempt < 100 && quietPolls < 3; attempt++) {
      const response = await fetch(`${this.app.httpBase}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (response.status !== 200) throw new Error(`activities not read: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as { activities: BotActivity[]; watermark?: string };
      this.watermark = page.watermark ?? this.watermark;
      seen.push(...page.activities);
      quietPolls = seen.some((a) => a.from.role === 'bot') && page.activities.length === 0 ? quietPolls + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return seen.filter((a) => a.from.role === 'bot');
  }
}

export const textsOf = (activities: BotActivity[]) => activities.filter((a) => a.type === 'message').map((a) => a.text ?? '').join('\n');

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
  if (!textsOf(await user.write('44000')).includes('Loire-Atlantique')) throw new Error('the bot did not find Loire-Atlantique');
  return { user, replies: textsOf(await user.press('Oui', '1')) };
}
