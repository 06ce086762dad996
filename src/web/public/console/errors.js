/* The API's errors (English, for developers) told in French to the advisor. */
import { ApiError } from './api.js';
import { label } from './vocabulary.js';

const KNOWN_ERRORS = [
  [/Only a coordinator records an unmet need/, 'Seul un coordinateur peut passer un dossier en N3, après le staff territorial.'],
  [/Only a coordinator hands a case/, 'Seul un coordinateur peut confier un dossier à un autre référent.'],
  [/Only the referent of this ticket or a coordinator/, 'Seul le référent de ce dossier ou un coordinateur peut le modifier.'],
  [/The level only rises/, 'Le niveau ne peut que monter : N1, puis N2, puis N3.'],
  [/is being changed by someone else/, 'Quelqu’un modifie ce dossier en ce moment. Réessayez dans un instant.'],
  [/has no need category/, 'Le dossier n’a pas de besoin renseigné : il en faut un pour le N3.'],
  [/Take the conversation first/, 'Prenez d’abord la conversation.'],
  [/You do not work for this territory/, 'Vous ne travaillez pas pour ce département.'],
  [/give at least one field to change/, 'Rien à enregistrer : modifiez au moins un champ.'],
  [/expected a date YYYY-MM-DD/, 'Une date n’est pas valide : indiquez-la au format jj/mm/aaaa.'],
  [/Too big: expected string to have <=200/, 'Le nom d’un partenaire dépasse 200 caractères : raccourcissez-le.'],
  [/<=500 characters\s*→ at actions/, 'Une action dépasse 500 caractères : raccourcissez-la.'],
  [/<=500 characters\s*→ at nextAction/, 'La prochaine action dépasse 500 caractères : raccourcissez-la.'],
  [/Too big: expected array to have <=50 items/, 'Il y a trop de partenaires : 50 au plus.'],
  [/Too big: expected array to have <=100 items/, 'Il y a trop d’actions : 100 au plus.'],
  [/An account with this e-mail already exists/, 'Un compte existe déjà avec cette adresse.'],
  [/You may only (create|give) advisor accounts of your own territories/, 'Vous ne pouvez gérer que les conseillers de vos départements.'],
  [/You may not (change|remove) your own account/, 'Vous ne pouvez pas modifier ni retirer votre propre compte.'],
  [/expected an e-mail address/, 'L’adresse e-mail n’est pas valide.'],
  [/expected an INSEE département code/, 'Un département n’est pas valide : écrivez son numéro, par exemple 44 ou 2A.'],
  [/a national admin works for 'all' territories/, 'Un administrateur national n’a pas de département ; les autres rôles en ont au moins un.'],
  [/expected at most \d+ chats at once/, 'Votre compte ne permet pas autant de chats en même temps.'],
  [/Unknown wrap-up code/, 'Ce code de clôture n’est plus dans la liste de votre territoire. Choisissez-en un autre.'],
  [/jj\/mm\/aaaa hh:mm/, 'La date et l’heure s’écrivent jj/mm/aaaa hh:mm, par exemple 25/11/2026 14:30, et doivent exister.'],
  [/changes its wrap-up codes/, 'Seul un coordinateur du département peut changer ses codes de clôture.'],
  [/est deux fois dans la liste/, 'Deux codes de clôture ont le même libellé : changez-en un.'],
  [/CSRF/, 'Votre session n’est plus reconnue. Rechargez la page.'],
  [/This partner is already on the case file/, 'Ce partenaire est déjà sur le dossier.'],
  [/No such organisation or offer in the directory/, 'Cette offre n’est plus dans le répertoire de vos départements.'],
];

export function frenchError(error) {
  if (!(error instanceof ApiError)) return 'Le service ne répond pas. Vérifiez la connexion puis réessayez.';
  const known = KNOWN_ERRORS.find(([pattern]) => pattern.test(error.message));
  if (known) return known[1];
  const notPossible = /^(\w+) is not possible when the ticket is (\w+)/.exec(error.message);
  if (notPossible) {
    return `Cette action n’est pas possible quand le dossier est « ${label('statuses', notPossible[2])} ». Le dossier a peut-être été changé par un collègue : il est mis à jour.`;
  }
  switch (error.status) {
    case 400:
      return 'La demande est incomplète ou mal remplie. Vérifiez les champs.';
    case 401:
      return 'Votre jeton d’accès n’est plus valide. Reconnectez-vous.';
    case 403:
      return 'Votre rôle ou vos territoires ne permettent pas cette action.';
    case 404:
      return 'Ce dossier ou cette conversation n’existe pas, ou n’est pas de votre territoire.';
    case 409:
      return 'Cette action n’est pas possible dans l’état actuel. Un collègue a peut-être déjà agi : la page est mise à jour.';
    default:
      return 'Le service est momentanément indisponible. Réessayez dans un instant.';
  }
}
