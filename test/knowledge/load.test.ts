import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConfigChecks } from '../../src/config/configChecks';
import { faqCheck } from '../../src/knowledge/config-checks';
import { FAQ_FILE, loadFaq, parseFaq, parseFaqYaml } from '../../src/knowledge/load';
import { foldText } from '../../src/knowledge/normalise';
import { answeredIds, sentencesOf } from '../../src/knowledge/schema';
import { configErrorOf, entry, ROOT } from './helpers';

const SHIPPED = readFileSync(path.join(ROOT, FAQ_FILE), 'utf8');
const FILE = 'content/fr/faq.yaml';

describe('the shipped content/fr/faq.yaml', () => {
  const entries = loadFaq(ROOT);

  it('has at least 40 entries, each with a short answer, an official source and several phrasings', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    for (const { answer, source, questions } of entries) {
      expect(sentencesOf(answer).length).toBeGreaterThanOrEqual(2);
      expect(sentencesOf(answer).length).toBeLessThanOrEqual(5);
      expect(source.url).toMatch(/^https:\/\//);
      expect(questions.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers the questions people ask the helpline', () => {
    // With the ids of entries merged into others (aliases): every id ever used is still answered.
    const ids = entries.flatMap(answeredIds);
    for (const id of ['numero_360', 'communaute_360', 'mdph_demande', 'mdph_delai', 'mdph_recours', 'aah', 'pch', 'cmi', 'rqth', 'aeeh', 'pag', 'aesh', 'ulis', 'cap_emploi', 'esat', 'logement_adapte', 'transport_adapte', 'vacances_adaptees', 'repit_accueil_temporaire', 'conge_proche_aidant', 'ajpa']) {
      expect(ids).toContain(id);
    }
  });

  it('quotes no amount of money: amounts change every year', () => {
    for (const { id, answer } of entries) expect([id, answer]).not.toEqual([id, expect.stringMatching(/€|euros?\b/i)]);
  });

  it('speaks to the user as « vous »', () => {
    const familiar = new Set(['tu', 'ton', 'ta', 'tes', 'toi']);
    for (const { id, answer } of entries) expect([id, foldText(answer).split(' ').filter((word) => familiar.has(word))]).toEqual([id, []]);
  });
});

describe('an edited FAQ file', () => {
  it('names the file, the path and the line of each problem', () => {
    const broken = SHIPPED.replace('source: { label: "handicap.gouv.fr", url: "https://handicap.gouv.fr/" }', 'source: { label: "un blog", url: "http://example.com/" }');
    const error = configErrorOf(() => parseFaqYaml(broken, FILE));
    expect(error.lines).toEqual([expect.stringMatching(/^content\/fr\/faq\.yaml:\d+: entries\[0\]\.source\.url: il faut une adresse https d’un site officiel/)]);
    const line = Number(/:(\d+):/.exec(error.lines[0] ?? '')?.[1]);
    expect(broken.split('\n')[line - 1]).toContain('http://example.com/');
  });

  it('reports a YAML syntax error with its line', () => {
    const error = configErrorOf(() => parseFaqYaml('entries:\n  - id: aah\n    title: "unclosed\n', FILE));
    expect(error.problems[0]).toMatchObject({ path: '(syntaxe YAML)', line: expect.any(Number) });
  });

  it('reports a missing answer, a bad id, and an unknown key', () => {
    const error = configErrorOf(() =>
      parseFaq({ entries: [{ ...entry({ id: 'Bad-Id' }), answer: undefined, locale: 'fr' }] }, FILE),
    );
    expect(error.lines).toEqual(
      expect.arrayContaining([
        'content/fr/faq.yaml: entries[0].id: il faut un identifiant en minuscules et soulignés, par exemple "aah_demande"',
        'content/fr/faq.yaml: entries[0].answer: manquant : il faut un texte',
        'content/fr/faq.yaml: entries[0]: clé inconnue "locale" : vérifiez l’orthographe',
      ]),
    );
  });

  it('refuses answers that are not short: too many sentences, or a sentence too long', () => {
    const long = `${'mot '.repeat(30).trim()}. Deuxième phrase.`;
    const many = 'Un. Deux. Trois. Quatre. Cinq. Six.';
    const error = configErrorOf(() => parseFaq({ entries: [entry({ id: 'a', answer: long }), entry({ id: 'b', answer: many, questions: ['x ?', 'y ?'] })] }, FILE));
    expect(error.lines).toEqual([
      expect.stringMatching(/entries\[0\]\.answer: phrase trop longue pour le français facile \(30 mots/),
      expect.stringMatching(/entries\[1\]\.answer: il faut 2 à 5 phrases courtes, il y en a 6/),
    ]);
  });

  it('refuses an id used twice and a phrasing given to two entries', () => {
    const error = configErrorOf(() =>
      parseFaq(
        {
          entries: [
            entry({ id: 'a' }),
            entry({ id: 'a', questions: ['Autre chose ?', 'Encore autre chose ?'] }),
            entry({ id: 'b', questions: ['Une question de b ?', 'une facon de DEMANDER'] }),
          ],
        },
        FILE,
      ),
    );
    expect(error.lines).toEqual([
      'content/fr/faq.yaml: entries[1].id: l’identifiant "a" sert déjà à entries[0]',
      'content/fr/faq.yaml: entries[2].questions[1]: the same question is also in "a": keep it in one entry',
    ]);
  });

  it('asks for quotes around a number written as a keyword', () => {
    const error = configErrorOf(() => parseFaq({ entries: [{ ...entry({ id: 'a' }), keywords: [800360360] }] }, FILE));
    expect(error.lines).toEqual(['content/fr/faq.yaml: entries[0].keywords[0]: il faut un texte : écrivez-le entre guillemets, par exemple "800360360"']);
  });

  it('is checked by npm run config:check', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'faq-check-'));
    mkdirSync(path.join(root, 'content', 'fr'), { recursive: true });
    writeFileSync(path.join(root, FAQ_FILE), SHIPPED.replace('- id: aah\n', '- id: AAH\n'));
    const [result] = runConfigChecks(root, [faqCheck]);
    expect(result?.errors).toEqual([expect.stringMatching(/faq\.yaml:\d+: entries\[\d+\]\.id: il faut un identifiant en minuscules et soulignés/)]);
    expect(runConfigChecks(ROOT, [faqCheck])).toEqual([{ check: 'faq', file: expect.stringMatching(/faq\.yaml$/), errors: [] }]);
  });
});
