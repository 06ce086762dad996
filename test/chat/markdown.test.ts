/**
 * Our plain sentences as markdown for Web Chat: they read exactly as written (nothing becomes bold, a
 * list, a heading or HTML), line breaks stay, and only real web addresses (http, https) become links.
 */
import { markdownToPlain, plainToMarkdown } from '../../src/chat/markdown';

describe('plainToMarkdown', () => {
  it.each([
    ['a plain sentence is unchanged', 'Bonjour. Vous écrivez pour qui ?', 'Bonjour. Vous écrivez pour qui ?'],
    ['each line break becomes a hard break', 'Votre numéro de dossier est :\nT-44-7K3F9Q\nUn conseiller va répondre.', 'Votre numéro de dossier est :  \nT-44-7K3F9Q  \nUn conseiller va répondre.'],
    ['formatting characters are escaped', 'un *mot* _souligné_ <b>gras</b> [lien](x) `code` a|b #1 & ~', 'un \\*mot\\* \\_souligné\\_ \\<b\\>gras\\</b\\> \\[lien\\](x) \\`code\\` a\\|b \\#1 \\& \\~'],
    ['a list or heading mark at the start of a line is escaped', '- un\n+ deux\n12. trois\n4) quatre\n=', '\\- un  \n\\+ deux  \n12\\. trois  \n4\\) quatre  \n\\='],
    ['a name that looks like an address is not one', 'Source : Service-Public.fr', 'Source : Service-Public\\.fr'],
    [
      'a web address stays whole, without the punctuation around it',
      'Source : Service-Public.fr (https://www.service-public.fr/particuliers/vosdroits/F12242_a).',
      'Source : Service-Public\\.fr (https://www.service-public.fr/particuliers/vosdroits/F12242_a).',
    ],
  ])('%s', (_case, plain, markdown) => {
    expect(plainToMarkdown(plain)).toBe(markdown);
    // The advisors read the conversation as it was written.
    expect(markdownToPlain(markdown)).toBe(plain);
  });
});
