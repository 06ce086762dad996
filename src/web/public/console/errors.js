/* What the advisor reads when a call to the API fails: the API's own French sentence (every refusal
   is written for a person, src/http/problems.ts), else a general one by status. */
import { ApiError } from './api.js';

const BY_STATUS = {
  400: 'La demande est incomplète ou mal remplie. Vérifiez les champs.',
  401: 'Votre jeton d’accès n’est plus valide. Reconnectez-vous.',
  403: 'Votre rôle ou vos territoires ne permettent pas cette action.',
  404: 'Ce dossier ou cette conversation n’existe pas, ou n’est pas de votre territoire.',
  409: 'Cette action n’est pas possible dans l’état actuel. Un collègue a peut-être déjà agi : la page est mise à jour.',
};

export function frenchError(error) {
  if (!(error instanceof ApiError)) return 'Le service ne répond pas. Vérifiez la connexion puis réessayez.';
  if (error.message) return error.message;
  return BY_STATUS[error.status] || 'Le service est momentanément indisponible. Réessayez dans un instant.';
}
