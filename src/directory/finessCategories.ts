/**
 * FINESS establishment categories (the `categetab` column) of the disability sector, read as offers:
 * type, the needs of the 360° they serve, the ages and kinds of disability their category implies.
 * Only the categories whose meaning is clear are here; any other is imported as type `autre`, with no
 * need (a coordinator completes it) and counted as « non classée » in the import's report.
 */
import type { NeedId } from '../domain/vocabulary';
import type { AgeBand, DisabilityKind, OfferType } from './schema';

export interface CategoryMeaning {
  type: OfferType;
  needs: NeedId[];
  ages: AgeBand[];
  disabilities: DisabilityKind[];
}

const children = (type: OfferType, needs: NeedId[], disabilities: DisabilityKind[] = []): CategoryMeaning => ({ type, needs, ages: ['enfant'], disabilities });
const adults = (type: OfferType, needs: NeedId[], disabilities: DisabilityKind[] = []): CategoryMeaning => ({ type, needs, ages: ['adulte'], disabilities });

export const FINESS_CATEGORIES: Readonly<Record<string, CategoryMeaning>> = {
  /** SESSAD: service d'éducation spéciale et de soins à domicile. */
  '182': children('accompagnement_domicile', ['scolarite', 'accompagnement', 'sante']),
  /** IME: institut médico-éducatif. */
  '183': children('education', ['scolarite', 'accompagnement'], ['intellectuel']),
  /** ITEP: institut thérapeutique, éducatif et pédagogique. */
  '186': children('education', ['scolarite', 'accompagnement'], ['psychique']),
  /** Établissement pour enfants et adolescents polyhandicapés. */
  '188': children('education', ['accompagnement', 'vie_quotidienne'], ['polyhandicap']),
  /** CMPP: centre médico-psycho-pédagogique. */
  '189': children('soins', ['sante']),
  /** CAMSP: centre d'action médico-sociale précoce (0 à 6 ans). */
  '190': children('soins', ['sante', 'accompagnement']),
  /** IEM: institut d'éducation motrice. */
  '192': children('education', ['scolarite', 'accompagnement'], ['moteur']),
  /** Institut pour déficients visuels. */
  '194': children('education', ['scolarite', 'accompagnement'], ['visuel']),
  /** Institut pour déficients auditifs. */
  '195': children('education', ['scolarite', 'accompagnement'], ['auditif']),
  /** Institut d'éducation sensorielle pour enfants sourds et aveugles. */
  '196': children('education', ['scolarite', 'accompagnement'], ['auditif', 'visuel']),
  /** Centre de pré-orientation pour personnes handicapées. */
  '198': adults('travail', ['emploi']),
  /** ESAT: établissement et service d'aide par le travail. */
  '246': adults('travail', ['emploi']),
  /** Centre de rééducation professionnelle. */
  '249': adults('travail', ['emploi']),
  /** Foyer d'hébergement pour adultes handicapés. */
  '252': adults('hebergement', ['logement']),
  /** MAS: maison d'accueil spécialisée. */
  '255': adults('hebergement', ['logement', 'vie_quotidienne', 'sante']),
  /** Foyer de vie pour adultes handicapés. */
  '382': adults('hebergement', ['logement', 'vie_quotidienne', 'loisirs']),
  /** Établissement d'accueil temporaire pour enfants handicapés. */
  '390': children('repit', ['soutien_aidant']),
  /** Établissement d'accueil temporaire pour adultes handicapés. */
  '395': adults('repit', ['soutien_aidant']),
  /** Jardin d'enfants spécialisé. */
  '402': children('education', ['garde_enfant']),
  /** FAM: foyer d'accueil médicalisé (EAM). */
  '437': adults('hebergement', ['logement', 'vie_quotidienne', 'sante']),
  /** SAVS: service d'accompagnement à la vie sociale. */
  '445': adults('accompagnement_domicile', ['accompagnement', 'vie_quotidienne']),
  /** SAMSAH: service d'accompagnement médico-social pour adultes handicapés. */
  '446': adults('accompagnement_domicile', ['accompagnement', 'sante']),
};
