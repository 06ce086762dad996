/**
 * A message made ready for the danger rules, in three views:
 * - `text`: folded (lower case, no accents), letters squeezed (« mourrir » → « mourir »), spoken
 *   contractions opened (« jveux » → « je veux »), long words repaired within one typo, figures of
 *   speech removed (« mort de fatigue »); padded with spaces, for the phrase rules;
 * - `words` and `stems`: the same words one by one, and their stems by the Snowball French stemmer
 *   (« frappée », « frappait », « frapper » → « frapp »), for the rules about who hurts whom;
 * - `content`: the stems that are not French stop words (stopwords-iso), to tell a bare cry for help
 *   (« urgence médicale ») from a sentence about something else (« dossier urgent »).
 */
import { newStemmer } from 'snowball-stemmers';
import stopwords from 'stopwords-iso';
import { foldText } from '../domain/text';
import { editDistance } from '../knowledge/normalise';
import { respellAges } from './ages';

const stemmer = newStemmer('french');

/** Stems already computed (the Snowball stemmer costs ~15 µs a word; people use the same words). */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer.stem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** French stop words, folded like the text. */
const STOP_WORDS: ReadonlySet<string> = new Set((stopwords.fr ?? []).map((word) => foldText(word)));

/** "mourrir" → "mourir", "frappe" → "frape": runs of one letter become one (rules are written the same way). */
export function squeeze(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

/** Spoken and SMS contractions: « jveux » → « je veux », « chui » → « je suis ». */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  chui: 'je suis',
  chuis: 'je suis',
  jsuis: 'je suis',
  jveu: 'je veux',
  jveux: 'je veux',
  jve: 'je veux',
  jvais: 'je vais',
  jvai: 'je vais',
  jpense: 'je pense',
  jme: 'je me',
  jen: 'j en',
  jai: 'j ai',
  g: 'j ai',
  jpeux: 'je peux',
  jpeu: 'je peux',
  jpe: 'je peux',
  mtuer: 'me tuer',
  stuer: 'se tuer',
  ya: 'il y a',
  pk: 'pourquoi',
  ki: 'qui',
  koi: 'quoi',
  stp: 'svp',
  mn: 'mon',
  m1: 'moi',
  slt: 'salut',
  lair: 'l air',
  vx: 'veux',
  veu: 'veux',
  pu: 'plus',
  plu: 'plus',
  jsui: 'je suis',
  sui: 'suis',
  sen: 's en',
  jpp: 'je n en peux plus',
  tjr: 'toujours',
  tjrs: 'toujours',
  tt: 'tout',
  // As a child writes by SMS (« jai fain on a pa mangé depui lundi », « papa boi tou le tem »).
  pa: 'pas',
  depui: 'depuis',
  fain: 'faim',
  boi: 'boit',
  tou: 'tout',
  tem: 'temps',
};

/** Long words often mistyped, matched within one typo (words that collide with ordinary ones are left out: secours/recours, mourir/nourrir). */
const FUZZY_WORDS = [
  'suicide',
  'suicider',
  'suicidaire',
  'maltraite',
  'maltraiter',
  'maltraitance',
  'maltraitee',
  'cardiaque',
  'inconsciente',
  'inconscient',
  'convulse',
  'frappe',
  'etouffe',
].map(squeeze);

const canonicalCache = new Map<string, string>();

function canonicalWord(word: string): string {
  if (word.length < 6) return word;
  let known = canonicalCache.get(word);
  if (known === undefined) {
    known = repairedWord(word);
    if (canonicalCache.size >= STEM_CACHE_LIMIT) canonicalCache.clear();
    canonicalCache.set(word, known);
  }
  return known;
}

function repairedWord(word: string): string {
  for (const known of FUZZY_WORDS) {
    if (word === known) return known;
    // « suicider » is a form of « suicide », not a typo: only real typos are repaired.
    if (word.startsWith(known) || known.startsWith(word)) continue;
    if (editDistance(word, known, 1) <= 1) return known;
  }
  return word;
}

/**
 * A regular expression written in plain folded French: letters are squeezed like the text (so
 * « frappe » is written naturally), escapes are kept as they are; `_` stands for « up to four words ».
 */
export function frenchPattern(source: string, flags = ''): RegExp {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
    } else if (/[a-z]/.test(char) && out.endsWith(char) && !out.endsWith(`\\${char}`)) {
      continue;
    } else {
      out += char;
    }
  }
  return new RegExp(out.replace(/_/g, '(?:[a-z0-9]+ ){0,4}'), flags);
}

/**
 * Figures of speech that name death or violence and mean neither: removed before the rules run.
 */
const FIGURES = frenchPattern(
  [
    // « mort de fatigue », « je meurs de faim », « crevée de chaud », « mourir d'ennui », « mort de honte »
    '\\b(?:mort|morte|morts|mortes|meurs|meurt|mourir|mourais|mourant|creve|crevee|crever|creves|crevees) (?:de|d) (?:fatigue|faim|soif|rire|chaud|froid|ennui|envie|honte|impatience|sommeil|trouille|jalousie|inquietude)\\b',
    '\\bmdr\\b|\\bptdr\\b|\\bmort de rire\\b',
    // « j'ai plus de voix à force de crier », « … d'avoir chanté »: a voice tired by shouting, no loss of speech and no danger
    '\\b(?:(?:j ai|je n ai|n ai|j) )?(?:plus|pas) de voix (?:a force (?:de|d)|d avoir|apres avoir|tellement (?:j ai|on a|il a|elle a)?) ?\\w+',
    // « ça me tue ces papiers », « ce dossier va me tuer », « mon patron va me tuer », « tuer le temps »
    '(?<!\\bpeur (?:qu|que) (?:un jour |un de ces jours )?)\\b(?:ca|cela|il|elle|tu|vous|ce dossier|ces papiers|ce formulaire) (?:me|nous) tue(?:nt)?\\b(?! (?:si|quand|avec (?:un|une|son|sa)))',
    '\\b(?:ce|cette|ces|le|la|les|mon|ma|mes) (?:dossier|dossiers|papiers?|paperasse|formulaires?|cerfa|attente|administration|demarches?|delais?|caf|mdph|boulot|travail|bus|transports?|patron|patronne|chef|cheffe|prof|boss) (?:va|vont|vas|finira par|finiront par) (?:me|nous) (?:tuer|faire la peau)\\b',
    // Anger, shock or pressure: « j'allais exploser », « une claque en lisant », « des sueurs froides », « le couteau sous la gorge avec le loyer »
    '\\b(?:j allais|je vais|je vais finir par|j ai cru) exploser\\b|\\b(?:est|c est) une bombe\\b|\\bc est du suicide\\b',
    '\\b(?:pris|prendre|prend|pri) une (?:claque|gifle|baffe) en (?:lisant|voyant|decouvrant|apprenant|recevant|ouvrant)\\b|\\bsueurs froides\\b(?= (?:de|d|en|quand|rien))',
    '\\b(?:failli|faillir|manque de|a failli) (?:faire|avoir) (?:une crise cardiaque|un infarctus|un arret cardiaque|une attaque) en (?:voyant|lisant|apprenant|recevant|decouvrant|ouvrant)\\b',
    '\\bj ai le couteau sous la gorge\\b(?= (?:avec|pour|a cause|niveau|financierement|question|de la|du|des))|\\bne respiren?t? que (?:pour|par)\\b',
    '\\b(?:la|le|l) (?:caf|mdph|cpam|msa|administration|dossier|prefecture|mairie|assurance|banque|pole emploi|france travail)\\b(?: \\w+){0,3} ne bouge(?:nt)? (?:plus|pas)\\b',
    '\\benferme\\w* dans (?:mes|ses|nos|leurs|ma|sa|la|une|le|son|mon) (?:habitudes?|routine|silence|role|cases?|idees?)\\b',
    '\\btuer le temps\\b|\\bc est la mort\\b|\\bla fin du monde\\b|\\bm a acheve\\b|\\bme noie dans (?:la|les|le) (?:paperasse|papiers|dossiers|demarches|travail)',
    // « je suis crevé », « complètement crevée »: tired
    '\\b(?:suis|est|sont|completement|trop) (?:creve|crevee|creves|crevees)\\b',
    // Twelfth round (README): « j'étouffe sous les papiers », « j'ai cru faire une crise cardiaque en ouvrant le courrier »,
    // « mon fils me tue, il pose cent fois la même question », « la rentrée va me tuer », « il prend sa retraite »,
    // « mon ado me pousse à bout », « c'est une vraie bombe à retardement », « il me suit partout » of one who has Alzheimer
    '\\betouf\\w* (?:sous|avec|dans) (?:les|la|le|l|mes|ces|cette|ce|tous ces|toutes ces|tout ce|toute cette) (?:\\w+ )?(?:papiers|paperasse|dossiers?|factures|dettes|demarches|travail|boulot|charges|responsabilites|administration|rendez vous|obligations|formulaires|courriers|mails)\\b',
    '\\b(?:cru|crus|pense|presque) (?:faire|avoir|que j alais faire|que j alais avoir) (?:une crise cardiaque|un infarctus|un arret cardiaque|une attaque|un avc|une syncope|un malaise) en (?:voyant|lisant|apprenant|recevant|decouvrant|ouvrant|regardant)\\b',
    '(?<!\\bpeur (?:qu|que) (?:un jour |un de ces jours )?)\\b(?:mon|ma|mes|son|sa|ses|ce|cette|ces|notre|nos) (?:\\w+ )?\\w+ (?:me|nous) tue(?:nt)?\\b(?! (?:si|quand|avec (?:un|une|son|sa)|a coups|de coups|ce soir|cette nuit))',
    '\\b(?:la|le|les|ce|cette|ces|mes) (?:rentree|vacances|demenagement|travaux|fatigue|stress|trajets?|devoirs|reunions?|semaine|journee|planning|plannings|horaires|histoire|chaleur|canicule|attente|file d attente|queue|facture|factures|commission) (?:va|vont|vas|finira par|finiront par) (?:me|nous) tuer\\b',
    '(?<!\\b(?:lui|leur|me|m|te|nous|vous) )\\b(?:prend|prends|prendre|pris|prise|prennent|prendra) (?:sa|ma|leur|une|sa petite) retraite\\b(?! (?:chaque|tous|toute|de|d|en entier|a sa place))|\\b(?:me|nous|m|le|la|les) pous\\w* a bout\\b|\\b(?:est|c est|etait) (?:une|un) (?:vraie|vrai|veritable) bombe\\b',
    '\\b(?:m a|m ont|me|nous a|nous ont) (?:done|donent|fait|font|file) des sueurs\\b',
    // « sans être accusés de maltraitance »: a carer's worry of being accused, not a victim
    '\\b(?:acuse|acusee|acuses|acusees|soupconee?s?) (?:de|d) (?:maltraitance|maltraitances|violences?|negligence)\\b',
    '\\b(?:mourir|meurs|meurt) a petit feu (?:devant|sur|avec|en atendant|en remplisant|a cause (?:de|du|des)) (?:l |le |la |les |mon |ma |mes |ce |cet |cette |ces |son |sa |ses )?(?:ordi|ordinateur|ecran|telephone|dossiers?|formulaires?|site|papiers|paperasse|file|queue|standard|atente|reponse|demarches|administration)\\b',
    '\\bme suit (?:partout|de piece en piece|comme (?:son|mon|une|un) (?:ombre|petit chien|toutou))\\b(?:(?=.*\\b(?:alzheimer|demence|demente?|autiste|autisme|trisomi\\w*|parkinson)\\b)|(?<=\\b(?:alzheimer|demence|demente?|autiste|autisme|trisomi\\w*|parkinson)\\b.*))',
  ].join('|'),
  'g',
);

export interface PreparedText {
  /** Folded, squeezed, repaired, figures removed; padded with spaces. */
  text: string;
  /** The words of `text`, in order. */
  words: string[];
  /** The Snowball stem of each word (same index as `words`). */
  stems: string[];
  /** Stems of the words that are not stop words. */
  content: string[];
  /** Where each clause of `text` starts and ends (punctuation, « et », « mais »…): times and hypotheses hold within one. */
  clauses: Array<{ start: number; end: number }>;
  /** Where each piece of `text` between two punctuation marks starts and ends (a clause or several). */
  pieces: Array<{ start: number; end: number }>;
  /** The message had a question mark. */
  asked: boolean;
}

/** Punctuation that ends a clause, kept apart before folding (folding turns it into spaces). */
const CLAUSE_PUNCTUATION = /[.;!?\n:()«»"“”,…]+|\s[-–—]\s/;
/** Words that start a new clause. */
const CLAUSE_WORDS = /(?<!\b(?:v(?:a|ont) (?:bien|mieux)|c est (?:loin|fini|termine))) (?=(?:et|mais|puis|alors|donc|car|parce que|pourtant|sauf que|aujourd hui|maintenant|la derniere fois) )/g;

/**
 * « ex- » before someone who was never a partner (« mon ex-patron », « mon ex-voisin »): a former
 * boss or neighbour, read as « ancien » (README « Thirteenth round »), so that neither the rules nor
 * the model take him for an ex-partner (« ex » alone, « mon ex-mari », « mon ex-copain » stay one).
 */
const FORMER_NON_PARTNER = frenchPattern(
  '\\bex (?=(?:patron|patronne|chef|cheffe|employeur|directeur|directrice|manager|responsable|collegue|collegues|voisin|voisine|voisins|proprietaire|proprio|bailleur|locataire|colocataire|coloc|camarade|camarades|educateur|educatrice|educ|prof|professeur|entraineur|tuteur|tutrice|curateur|curatrice|auxiliaire|associe|associee|ami|amie|beau frere|belle soeur|beau pere|belle mere)\\b)',
  'g',
);

function prepareSegment(raw: string): string {
  const words = squeeze(foldText(raw))
    .split(' ')
    .map((word) => CONTRACTIONS[word] ?? canonicalWord(word))
    .join(' ')
    .split(' ');
  // « jé 12 an », « 13ans », « sept ans » → « j ai 12 ans », « 13 ans », « 7 ans » (ages.ts).
  const opened = respellAges(words).join(' ').replace(FORMER_NON_PARTNER, 'ancien ');
  return restoreNegation(` ${opened} `.replace(FIGURES, ' ').replace(/\s+/g, ' ').trim().split(' ')).join(' ');
}

/** Words after which « pas », « plus », « jamais » do not deny a verb (« pas de », « plus que », « encore plus »). */
const NOT_A_VERB = new Set(
  'ne n non et ou mais de d du des un une le la les l a au aux en y ce c ca cela ceci je j tu il elle on nous vous ils elles moi toi lui eux qui que qu quoi si aussi encore toujours bien beaucoup peu trop tres tout rien meme sans pour par car donc ou pourquoi comment combien quand deja surtout presque un le plus moins pas jamais mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs'.split(' '),
);
/** Stop words that are verbs (« il est pas là », « il peut plus », « elle sent plus ses jambes »). */
const VERB_STOPS = new Set('est es suis sommes etes sont a ai as ont avait etait peut peux pouvons peuvent fait fais font va vais vont sait sais savent parle parlent dit dis sent sens voit vois veut veux'.split(' '));
const CLITICS = new Set(['me', 'm', 'te', 't', 'se', 's', 'le', 'la', 'l', 'les', 'lui', 'leur', 'nous', 'vous', 'y', 'en']);
/** « plus » followed by these is « more », not « no more » (« plus de », « plus que », « plus fort »). */
const MORE = /^(?:de|d|du|des|que|qu|en|tard|tot|loin|fort|vite|souvent|longtemps|haut|bas|grand|grande|petit|petite|mal|bien|tranquille|facilement|calme|simple)$/;

/**
 * Spoken and written French often drop the « ne » of a negation (« il respire plus », « elle se
 * réveille pas », « j'arrive pas à le réveiller »): it is put back before the verb and its pronouns
 * (« il ne respire plus », « elle ne se réveille pas », « j n arrive pas »), so that a rule or an
 * example written with « ne » reads the same message said without it.
 */
export function restoreNegation(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1] ?? '';
    const denied = (next === 'pas' || next === 'jamais' || (next === 'plus' && (!MORE.test(words[i + 2] ?? '') || words.slice(i + 2, i + 4).join(' ') === 'du tout'))) && (!STOP_WORDS.has(word) || VERB_STOPS.has(word)) && !NOT_A_VERB.has(word) && word.length > 1;
    if (denied) {
      // Back over the verb's pronouns (« se », « le », « m »): the « ne » goes before them.
      let start = out.length;
      while (start > 0 && CLITICS.has(out[start - 1] as string) && out.length - start < 2) start--;
      const already = out.slice(Math.max(0, start - 2), start).some((w) => w === 'ne' || w === 'n');
      if (!already) out.splice(start, 0, /^[aeiouyh]/.test(out[start] ?? word) ? 'n' : 'ne');
    }
    out.push(word);
  }
  return out;
}

export function prepareForDanger(raw: string): PreparedText {
  const segments = raw.split(CLAUSE_PUNCTUATION).map(prepareSegment).filter((segment) => segment !== '');
  const text = ` ${segments.join(' ')} `;
  const clauses: PreparedText['clauses'] = [];
  const pieces: PreparedText['pieces'] = [];
  let offset = 0;
  for (const segment of segments) {
    // Each segment starts at offset + 1 (after the space before it).
    const start = offset + 1;
    const cuts = [...` ${segment} `.matchAll(CLAUSE_WORDS)].map((match) => start + (match.index ?? 0));
    let from = start;
    for (const cut of cuts) {
      if (cut > from) clauses.push({ start: from, end: cut });
      from = cut;
    }
    clauses.push({ start: from, end: start + segment.length });
    pieces.push({ start, end: start + segment.length });
    offset = start + segment.length;
  }
  const words = text.trim() === '' ? [] : text.trim().split(' ');
  const stems = words.map(stem);
  const content = words.flatMap((word, index) => (STOP_WORDS.has(word) ? [] : [stems[index] as string]));
  return { text, words, stems, content, clauses, pieces, asked: raw.includes('?') };
}

/** Where word number `index` starts in `text`. */
export function offsetOfWord(prepared: PreparedText, index: number): number {
  let offset = 1;
  for (let i = 0; i < index; i++) offset += (prepared.words[i] ?? '').length + 1;
  return offset;
}
