/** The CSV's fields: French conventions, and no spreadsheet formula can slip in through a label. */
import { csvField } from '../../src/observatory/csv';

describe('CSV fields', () => {
  it('When a field holds the separator, a quote or a line break, then it is quoted with doubled quotes', () => {
    expect(csvField('Se nourrir, s’habiller')).toBe('Se nourrir, s’habiller');
    expect(csvField('A; B')).toBe('"A; B"');
    expect(csvField('Dit « non » puis "oui"')).toBe('"Dit « non » puis ""oui"""');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
  });

  it('When a label starts like a formula (=, +, -, @), then it is written as text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+33')).toBe("'+33");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('secret')).toBe('secret');
  });
});
