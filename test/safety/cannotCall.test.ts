/**
 * The fourteenth round (README « Safety first », « Fourteenth round (strict check) »): one who cannot
 * call by voice (deaf, no voice, cannot speak because someone is there) gets the 114, and the 15 when
 * someone fell; veins opened are the 15 with the 3114; « peur de lui dire » is no fear of a partner and
 * a voice lost shouting is no loss of speech. Each danger beside its ordinary twin.
 */
import { assessDanger, type DangerKind } from '../../src/safety/detect';

const emergency = (text: string): DangerKind[] => assessDanger(text).signal?.kinds ?? [];
const cues = (text: string): string[] => assessDanger(text).signal?.cues ?? [];

describe('one who cannot speak because someone is there', () => {
  it.each(['je peux pas parler il est là', "je ne peux pas parler, il va m'entendre, il est dans la chambre", 'je peux pas parler il est derrière la porte'])(
    'When « %s », then the 114 by SMS leads',
    (text) => {
      expect(emergency(text)[0]).toBe('sourd');
      expect(cues(text)).toContain('sourd.silenced');
    },
  );

  it('When the one there is a boss and the message is about a file, then it is not the emergency', () => {
    expect(cues('je peux pas parler maintenant, il est là mon patron, je vous écris ce soir pour le dossier')).not.toContain('sourd.silenced');
  });
});

describe('a fall told by one who cannot call the 15 by voice', () => {
  it.each(['plus de voix depuis ma trachéo, mon père est tombé', 'je suis muette, ma mère est tombée dans la cuisine', "je suis sourde, mon mari a fait une chute dans l'escalier"])(
    'When « %s », then the 114 and the 15',
    (text) => {
      expect(emergency(text)).toEqual(['sourd', 'urgence_medicale']);
    },
  );

  it.each([
    "je suis sourde, mon père est tombé l'an dernier, quelles aides pour adapter la salle de bain ?",
    'je suis malentendante, je suis tombée sur le répondeur de la MDPH',
    "mon fils sourd est tombé à vélo, il a un bleu au genou, c'est remboursé le casque ?",
  ])('When « %s », then no emergency', (text) => {
    expect(emergency(text)).toEqual([]);
  });
});

describe('veins opened', () => {
  it.each(["elle s'est ouvert les veines dans la salle de bain", "mon fils s'est tailladé les poignets, ça saigne"])('When « %s », then the 15 and the 3114', (text) => {
    expect(emergency(text)).toEqual(['urgence_medicale', 'suicide']);
  });

  it('When it was years ago, then no emergency', () => {
    expect(emergency("elle s'est ouvert les veines il y a trois ans, depuis elle est suivie au CMP")).toEqual([]);
  });
});

describe('words that look like danger and are not', () => {
  it.each(["j'ai plus de voix à force de crier", "j'ai plus de voix à force de crier sur les matchs", "plus de voix d'avoir chanté tout le week-end au mariage"])(
    'When « %s » (a voice tired by shouting), then neither the emergency nor the question',
    (text) => {
      expect(assessDanger(text)).toEqual({ signal: null, check: null });
    },
  );

  it('When « peur de lui dire », then it is no fear of a partner, and the slap by the carer still gets the 3977', () => {
    expect(cues("j'ai peur de lui dire que je veux arrêter l'ESAT, mon éducateur va être déçu")).toEqual([]);
    expect(emergency('la nouvelle auxiliaire gifle ma mère quand elle renverse son verre ma mère a peur de lui dire')).toEqual(['maltraitance']);
    expect(emergency("j'ai peur de lui, il me frappe")).toEqual(['violence_conjugale']);
  });
});
