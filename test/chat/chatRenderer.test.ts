import { ChatRenderer } from '../../src/chat/chatRenderer';
import { initialCallContext } from '../../src/voice/callMachine';
import { turnFor } from '../../src/voice/turn';
import { repoConfig } from '../support/config';

const config = repoConfig();
const turnDeps = { flow: config.flow, departement: () => undefined };

describe('the chat renderer', () => {
  it('When the same static question is rendered for two conversations, then both get the same sentences and buttons, and neither can change them for the other', () => {
    const renderer = new ChatRenderer(config.prompts.overlaidWith(config.chatPrompts));
    const first = renderer.turn(turnFor('profile', initialCallContext({ callSid: 'a', caller: null }), turnDeps));
    const second = renderer.turn(turnFor('profile', initialCallContext({ callSid: 'b', caller: null }), turnDeps));
    expect(first).not.toBeNull();
    expect(first?.buttons.length).toBeGreaterThan(1);
    expect(second).toEqual(first);
    expect(() => first?.buttons.push({ title: 'x', value: 'x' })).toThrow(TypeError);
    expect(() => {
      (first as { text: string }).text = 'changé';
    }).toThrow(TypeError);
    expect(renderer.turn(turnFor('profile', initialCallContext({ callSid: 'c', caller: null }), turnDeps))).toEqual(second);
  });

  it('When a question is not a static one (not frozen), then it is rendered each time from its own lines', () => {
    const renderer = new ChatRenderer(config.prompts.overlaidWith(config.chatPrompts));
    const lines = [{ key: 'chat.moreQuestions' }];
    const once = renderer.turn({ kind: 'hangup', slow: false, cacheKey: null, lines });
    lines.push({ key: 'goodbye' });
    const again = renderer.turn({ kind: 'hangup', slow: false, cacheKey: null, lines });
    expect(again?.text).not.toEqual(once?.text);
    expect(again?.text.startsWith(once?.text ?? '?')).toBe(true);
  });
});
