/** The question sentences of a long message. */
import { questionPart, sentencesOf } from '../../src/understanding/sentences';

describe('the sentences of a message', () => {
  it('When a message tells a story and asks, then its question sentences are its question part', () => {
    const text = "Mon fils a 7 ans. Il est autiste ; l'école l'appelle tous les jours.\nEst-ce qu'il existe une aide ? Et comment la demander ?";
    expect(sentencesOf(text)).toHaveLength(5);
    expect(questionPart(text)).toBe("Est-ce qu'il existe une aide ? Et comment la demander ?");
  });

  it('When a message of several sentences asks without a question mark, then its last sentence is its question part', () => {
    expect(questionPart('Ma mère vit seule. Je voudrais savoir quelles aides existent')).toBe('Je voudrais savoir quelles aides existent');
  });

  it('When a message is one sentence, then there is no part to read apart', () => {
    expect(questionPart("c'est quoi l'AAH ?")).toBeNull();
    expect(questionPart('Bonjour. ')).toBeNull();
  });
});
