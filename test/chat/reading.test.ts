/** Reading a chat message: courtesy skipped, parts found, questions told from answers, languages told apart. */
import { createLanguageGuesser } from '../../src/chat/language';
import { clausesOf, firstCharacters, kindOfClause, withoutCourtesy } from '../../src/chat/reading';

describe('reading a chat message', () => {
  it.each([
    ['Bonjour, la MDPH ne répond jamais…', 'la MDPH ne répond jamais…', true, false],
    ['bonsoir madame, excusez-moi de vous déranger, ma fille est sourde', 'ma fille est sourde', true, false],
    ['Salut ! c’est quoi l’AAH ? merci d’avance', 'c’est quoi l’AAH ?', true, true],
    ['ok merci beaucoup', '', false, true],
    ['Bonjour', '', true, false],
    ['allocation logement refusée', 'allocation logement refusée', false, false],
    ['je voudrais des infos svp', 'je voudrais des infos', false, false],
    ['pardon ?', 'pardon ?', false, false],
  ])('When « %s » is read, then what it means is « %s »', (text, rest, greeted, thanked) => {
    expect(withoutCourtesy(text)).toEqual({ rest, greeted, thanked });
  });

  it('When a message has sentences and clauses, then each is read on its own, and dots inside an address or a number do not cut', () => {
    expect(clausesOf('Je suis aidante, ma mère a 80 ans. Elle a besoin d’aide et je suis fatiguée ! Écrivez à marie.durand@exemple.fr ou au 06.12.34.56.78')).toEqual([
      'Je suis aidante',
      'ma mère a 80 ans',
      'Elle a besoin d’aide',
      'je suis fatiguée !',
      'Écrivez à marie.durand@exemple.fr ou au 06.12.34.56.78',
    ]);
  });

  it.each([
    ['c’est quoi la PCH', 'question'],
    ['ma mère a-t-elle droit à l’APA', 'question'],
    ['je voudrais savoir si mon fils peut aller en IME', 'question'],
    ['on fait la demande où', 'question'],
    ['ma mère a besoin de la PCH', 'request'],
    ['je cherche un logement adapté', 'request'],
    ['je m’occupe de mon père', 'statement'],
    ['pour moi', 'statement'],
  ])('When a clause is « %s », then it is a %s', (clause, kind) => {
    expect(kindOfClause(clause)).toBe(kind);
  });

  it('When a message is longer than the limit, then its first characters are kept (an emoji counts once) and the cut is told', () => {
    expect(firstCharacters('abc', 3)).toEqual({ text: 'abc', cut: false });
    expect(firstCharacters('😀😀😀', 3)).toEqual({ text: '😀😀😀', cut: false });
    expect(firstCharacters('😀😀😀😀', 3)).toEqual({ text: '😀😀😀', cut: true });
  });
});

describe('telling another language from French', () => {
  const guesser = createLanguageGuesser(['en', 'es', 'de', 'it', 'pt', 'ar']);

  it.each([
    ['My daughter is deaf and needs help at school', 'en'],
    ['please help me', 'en'],
    ['Necesito información para mi madre', 'es'],
    ['Meine Mutter braucht Hilfe zu Hause', 'de'],
    ['Buongiorno, ho bisogno di aiuto per mio figlio', 'it'],
    ['Preciso de ajuda para o meu filho', 'pt'],
    ['أحتاج مساعدة لابني', 'ar'],
  ])('When the message is « %s », then it is %s', (text, language) => {
    expect(guesser.otherLanguageOf(text)).toBe(language);
  });

  it.each([
    ['la MDPH ne répond jamais'],
    ['Je voudrais savoir si mon fils peut avoir l’AEEH'],
    ['jai bsoin daide pr mon fils'],
    ['job dating handicap'],
    ['burn-out parental'],
    ['AAH'],
    ['oui'],
    ['Rennes'],
  ])('When a French message « %s » is read, then it is French (null)', (text) => {
    expect(guesser.otherLanguageOf(text)).toBeNull();
  });

  it('When a language has no sentence of ours, then its messages are not told apart (French is assumed)', () => {
    expect(createLanguageGuesser(['en']).otherLanguageOf('Necesito información para mi madre')).toBeNull();
  });
});
