/**
 * A person in the public chat, as Web Chat drives our Direct Line (token, conversation, activities),
 * for the console's browser tests: a carer with no solution left, handed to the advisors of 44 (a
 * priority chat). Like Web Chat, it tries again when the service answers 503 (the shared test machine
 * is sometimes slow to answer).
 */
const WAIT = 15_000;

/** Polls `check` until it is true, or fails naming `what`. */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ChatPerson {
  ref: string;
  conversationId: string;
  /** Everything said to the person so far (bot and advisor), one message a line. */
  heard(): Promise<string>;
}

export async function priorityChatTo44(httpBase: string): Promise<ChatPerson> {
  const send = async (path: string, init: RequestInit): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${httpBase}${path}`, init);
      if (response.status !== 503 || attempt >= 20) return response;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const { token } = (await (await send('/chat/token', { method: 'POST' })).json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const { conversationId } = (await (await send('/v3/directline/conversations', { method: 'POST', headers: auth })).json()) as { conversationId: string };
  const activities = `/v3/directline/conversations/${conversationId}/activities`;
  let watermark = '';
  let said = '';
  const read = async (): Promise<boolean> => {
    const page = await send(`${activities}?watermark=${watermark}`, { headers: auth });
    if (!page.ok) return false;
    const body = (await page.json()) as { activities: Array<{ text?: string; from: { role?: string } }>; watermark?: string };
    watermark = body.watermark ?? watermark;
    said += body.activities.filter((a) => a.from.role !== 'user').map((a) => `${a.text ?? ''}\n`).join('');
    return true;
  };
  /** Posts, then reads until the bot has said `expected`. */
  const post = async (activity: Record<string, unknown>, expected: RegExp): Promise<void> => {
    const posted = await send(activities, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'user' }, locale: 'fr-FR', ...activity }),
    });
    if (posted.status !== 200) throw new Error(`the chat refused a message: ${posted.status}`);
    await until(async () => (await read()) && expected.test(said), `the bot to say ${expected}`);
  };
  await post({ text: 'Pour un proche que vous aidez', value: { choice: '2' } }, /besoin/i);
  await post({ text: 'Je n’ai plus de solution', value: { choice: '5' } }, /code postal/i);
  await post({ text: '44000' }, /Loire-Atlantique/);
  await post({ text: 'Oui', value: { choice: '1' } }, /T-44-[0-9A-Z]{6}/);
  const ref = /T-44-[0-9A-Z]{6}/.exec(said)?.[0];
  if (!ref) throw new Error(`no ticket ref in the hand-off:\n${said}`);
  return {
    ref,
    conversationId,
    async heard() {
      await read();
      return said;
    },
  };
}
