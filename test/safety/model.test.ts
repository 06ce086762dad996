import * as path from 'node:path';
import { assessDanger, createDangerDetector, createDangerReader, detectDanger } from '../../src/safety/detect';
import { evaluateSafety } from '../../src/safety/evaluation';
import { loadLabelledExamples, SAFETY_EXAMPLES_FILES } from '../../src/safety/examples';
import { trainDangerModel, type LabelledExample } from '../../src/safety/model';

const ROOT = path.join(__dirname, '..', '..');
const SAFETY_EXAMPLE_NAMES = { danger: path.basename(SAFETY_EXAMPLES_FILES.danger), benign: path.basename(SAFETY_EXAMPLES_FILES.benign) };

/** A few examples, in words no rule was written for (« la tronche », « dérouillée »). */
const SMALL: LabelledExample[] = [
  { text: 'mon copain me met des torgnoles', label: 'violence_conjugale' },
  { text: 'mon copain me met des torgnoles quand il a bu', label: 'violence_conjugale' },
  { text: 'ma copine me met des torgnoles tous les soirs', label: 'violence_conjugale' },
  { text: 'le petit a des torgnoles de son beau-père', label: 'enfance_en_danger' },
  { text: 'mon voisin me parle de ses torgnoles au judo', label: 'none' },
  { text: 'je cherche une aide pour le ménage', label: 'none' },
  { text: 'je voudrais des renseignements sur la carte mobilité', label: 'none' },
  { text: 'quelles sont les aides pour mon fils', label: 'none' },
  { text: 'mon dossier mdph est en retard', label: 'none' },
  { text: 'où trouver un taxi adapté', label: 'none' },
];

describe('the danger model', () => {
  it('When trained on a few examples, then it names the kind of a new phrasing made of their words', () => {
    const model = trainDangerModel(SMALL);
    expect(model.classify('mon copain me met encore des torgnoles').label).toBe('violence_conjugale');
    expect(model.classify('je voudrais des renseignements sur les aides').label).toBe('none');
  });

  it('When trained twice on the same examples, then it gives the same opinion (training is deterministic)', () => {
    const text = 'ma copine me met des torgnoles';
    expect(trainDangerModel(SMALL).classify(text)).toEqual(trainDangerModel(SMALL).classify(text));
  });

  it('When the same examples come in another order, then the model is the same (it does not depend on where they sit in the files)', () => {
    const text = 'ma copine me met des torgnoles';
    expect(trainDangerModel([...SMALL].reverse()).classify(text)).toEqual(trainDangerModel(SMALL).classify(text));
  });

  it('When there is danger and the model finds a second kind likely, then that kind and its number join the first', () => {
    // Pills swallowed: as often a medical emergency as a suicide attempt.
    const swallowed: LabelledExample[] = [
      ...SMALL,
      ...['il a avalé toutes les pilules', 'elle a avalé toutes les pilules', 'mon frère a avalé toutes les pilules'].flatMap((text): LabelledExample[] => [
        { text, label: 'urgence_medicale' },
        { text, label: 'suicide' },
      ]),
    ];
    const detect = createDangerDetector({ model: trainDangerModel(swallowed), confidence: 0.3, vetoConfidence: 2, contextConfidence: 2 });
    const signal = detect('ma soeur a avalé toutes les pilules');
    expect(signal?.kinds).toEqual(expect.arrayContaining(['urgence_medicale', 'suicide']));
    expect(signal?.numbers).toEqual(expect.arrayContaining(['15', '3114']));
    expect(detect('je cherche une aide pour le ménage')).toBeNull();
  });


  it('When the rules find nothing but the model is confident, then the danger is raised with the cue « model »', () => {
    const text = 'mon copain me met des torgnoles le soir';
    expect(createDangerDetector({ model: null, confidence: 0.5, vetoConfidence: 2, contextConfidence: 2 })(text)).toBeNull();
    const signal = createDangerDetector({ model: trainDangerModel(SMALL), confidence: 0.5, vetoConfidence: 2, contextConfidence: 2 })(text);
    expect(signal).toMatchObject({ kind: 'violence_conjugale', cues: ['violence_conjugale.model'], numbers: ['3919', '3977', '17'] });
  });

  it.each([
    'il y a deux ans mon copain me mettait des torgnoles',
    'que faire si mon copain me met des torgnoles ?',
  ])('When the context says past or hypothetical, then the model raises nothing: « %s »', (text) => {
    const detect = createDangerDetector({ model: trainDangerModel(SMALL), confidence: 0.3, vetoConfidence: 2, contextConfidence: 2 });
    expect(detect('mon copain me mettait des torgnoles')?.kind).toBe('violence_conjugale');
    expect(detect(text)).toBeNull();
  });

  it('When only the model finds danger and is not very sure of it, then the person is asked, with the number, instead of the emergency answer', () => {
    const text = 'ma copine me met des torgnoles';
    const model = trainDangerModel(SMALL);
    const danger = 1 - model.classify(text).probabilities.none;
    const options = { model, confidence: 0.3, vetoConfidence: 2, contextConfidence: 2, checkConfidence: 0.3 };
    // Sure enough of danger of some kind: the emergency answer.
    expect(createDangerReader({ ...options, aloneConfidence: danger - 0.01 })(text).signal?.cues).toEqual(['violence_conjugale.model']);
    // Less sure than asked for: no emergency answer, but the question with the 3919.
    const unsure = createDangerReader({ ...options, aloneConfidence: danger + 0.01 })(text);
    expect(unsure.signal).toBeNull();
    expect(unsure.check).toMatchObject({ kind: 'violence_conjugale', number: '3919', cue: 'violence_conjugale.check_model' });
  });

  it('When a rule fires, then the model alone threshold does not apply: a present danger gets its number at once', () => {
    const reader = createDangerReader({ model: trainDangerModel(SMALL), confidence: 0.3, vetoConfidence: 2, contextConfidence: 2, aloneConfidence: 1.01 });
    const { signal } = reader('mon mari me frappe en ce moment');
    expect(signal?.kind).toBe('violence_conjugale');
    expect(signal?.numbers[0]).toBe('3919');
  });

  it('When the model is very sure a message is ordinary, then a rule alarm is dropped, but a cry for help never', () => {
    const ordinary: LabelledExample[] = [
      ...SMALL,
      ...Array.from({ length: 6 }, (_, i): LabelledExample => ({ text: `la fusillade du film ${i} était longue`, label: 'none' })),
    ];
    const model = trainDangerModel(ordinary);
    const rulesOnly = createDangerDetector({ model: null, confidence: 1, vetoConfidence: 2, contextConfidence: 2 });
    const withVeto = createDangerDetector({ model, confidence: 1, vetoConfidence: 0.6, contextConfidence: 2 });
    expect(rulesOnly('la fusillade du film était longue')?.kind).toBe('danger_immediat');
    expect(withVeto('la fusillade du film était longue')).toBeNull();
    expect(withVeto('au secours')?.kinds).toContain('danger_immediat');
  });

  it('When a deaf person is in danger and only the model sees it, then the 114 comes first', () => {
    const detect = createDangerDetector({ model: trainDangerModel(SMALL), confidence: 0.5, vetoConfidence: 2, contextConfidence: 2 });
    expect(detect('je suis sourde et mon copain me met des torgnoles')?.numbers[0]).toBe('114');
  });

  it('When it reads the shipped examples, then every kind of danger and ordinary messages are among them', () => {
    const examples = loadLabelledExamples(path.join(ROOT, SAFETY_EXAMPLES_FILES.danger), path.join(ROOT, SAFETY_EXAMPLES_FILES.benign));
    const count = (label: string) => examples.filter((example) => example.label === label).length;
    for (const label of ['suicide', 'violence_conjugale', 'maltraitance', 'enfance_en_danger', 'urgence_medicale', 'danger_immediat', 'sourd']) expect(count(label)).toBeGreaterThanOrEqual(20);
    expect(count('none')).toBeGreaterThanOrEqual(200);
  });

  // Not every example: a few need a context the rules read differently (« c'est fini pour moi »,
  // « au secours, ce formulaire »: a bare cry is always answered). The README lists the figures.
  it('When the shipped detector reads its own examples, then it answers 99 % of the dangers and raises at most 1.5 % false emergencies', () => {
    const report = evaluateSafety(path.join(ROOT, 'content', 'fr'), assessDanger, { danger: SAFETY_EXAMPLE_NAMES.danger, benign: SAFETY_EXAMPLE_NAMES.benign });
    expect(report.danger.total).toBeGreaterThanOrEqual(800);
    expect(report.danger.answered / report.danger.total).toBeGreaterThanOrEqual(0.99);
    expect(report.benign.falseEmergencies / report.benign.total).toBeLessThanOrEqual(0.015);
  });

  it('When a phrasing of the training set says danger in words no rule knows, then the shipped detector still finds it', () => {
    const rulesOnly = createDangerDetector({ model: null, confidence: 2, vetoConfidence: 2, contextConfidence: 2 });
    const text = "je voulais juste dire merci pour tout, je n'aurai plus besoin de vos services";
    expect(rulesOnly(text)).toBeNull();
    expect(detectDanger(text)?.kinds).toContain('suicide');
  });
});

describe('the model on short messages', () => {
  const text = 'mon copain me met des torgnoles';
  it('When a message has fewer words of substance than the minimum, then the model must reach the short-message confidence', () => {
    const model = trainDangerModel(SMALL);
    const opinion = model.classify(text);
    expect(opinion.label).toBe('violence_conjugale');
    const options = { model, confidence: 0.2, vetoConfidence: 2, contextConfidence: 2, minContentWords: 5 };
    expect(createDangerDetector({ ...options, shortConfidence: 1.01 })(text)).toBeNull();
    expect(createDangerDetector({ ...options, shortConfidence: opinion.probability - 0.01 })(text)?.kind).toBe('violence_conjugale');
    expect(createDangerDetector({ ...options, minContentWords: 1, shortConfidence: 1.01 })(text)?.kind).toBe('violence_conjugale');
  });
});
