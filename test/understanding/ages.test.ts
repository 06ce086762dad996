import { ageBand, withAgeBands } from '../../src/understanding/ages';
import { faqAnalyser, frenchAnalyser } from '../../src/understanding/analyse';

const words = (text: string): string[] => text.split(' ');

describe('ages read as their band', () => {
  it.each([
    ['mon fils de 17 ans', ageBand(17)],
    ['mon mari a 56 ans', ageBand(56)],
    ['j ai 58 ans', ageBand(58)],
    ['a 60 ans', ageBand(60)],
    ['notre petit a 4 ans', ageBand(4)],
  ])('When someone writes « %s », then the age is kept as its band', (text, band) => {
    expect(withAgeBands(words(text))).toContain(band);
    expect(faqAnalyser().terms(text)).toContain(band);
  });

  it.each(['handicape depuis 30 ans', 'un accident il y a 20 ans', 'ca fait 3 ans qu on attend', 'dans 5 ans', 'pendant 2 ans'])(
    'When someone writes « %s », then the duration is no age',
    (text) => expect(withAgeBands(words(text))).toEqual(words(text)),
  );

  it('When the bands are read, then a child, a young adult, an adult, an age near retirement and an old age differ', () => {
    expect(new Set([4, 17, 40, 60, 80].map(ageBand)).size).toBe(5);
    expect(ageBand(15)).not.toBe(ageBand(16));
    expect(ageBand(54)).not.toBe(ageBand(55));
  });

  it("When the phone menus' analyser reads an age, then it still drops it (only the FAQ reads ages)", () => {
    expect(frenchAnalyser().terms('mon fils de 17 ans')).toEqual(frenchAnalyser().terms('mon fils'));
    expect(faqAnalyser().terms('mon fils de 17 ans')).not.toEqual(faqAnalyser().terms('mon fils'));
  });
});
