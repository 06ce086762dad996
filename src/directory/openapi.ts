/** The directory's part of the OpenAPI document (GET /api/openapi.json), from the schemas its routes validate with. */
import { z } from 'zod';
import { OfferSchema, OrganisationFieldsSchema, OrganisationSchema } from './schema';
import { DirectoryQuerySchema, PartnerBodySchema } from './search';

type JsonObject = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonObject => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
};
const body = (schema: JsonObject, type = 'application/json') => ({ content: { [type]: { schema } } });
const problem = (description: string) => ({ description, ...body({ type: 'object', properties: { error: { type: 'string' } }, required: ['error'] }) });

const ImportReportSchema = z.strictObject({
  organisations: z.number().int(),
  created: z.number().int(),
  replaced: z.number().int(),
  unclassified: z.number().int().describe('Establishments whose FINESS category has no clear meaning: imported as type autre, without needs'),
  territories: z.array(z.string()),
});
const ImportRefusalSchema = z.strictObject({
  error: z.string(),
  problems: z.array(z.strictObject({ line: z.number().int(), message: z.string().describe('In French') })).optional(),
  checks: z.array(z.string()).optional().describe('The configuration’s checks, each with its file and line'),
});
const SearchAnswerSchema = z.strictObject({
  territory: z.string(),
  results: z.array(z.strictObject({ organisation: OrganisationFieldsSchema.omit({ offers: true }), offers: z.array(OfferSchema).describe('Only the offers that match') })),
});

const draftParameter = { name: 'draft', in: 'query', required: false, schema: { type: 'string', pattern: '^D-[0-9a-f]{16}$' }, description: 'A studio draft to write into (answer: { result, draft }); none: published at once as a new version' };
const versionHeader = { 'X-Config-Version': { description: 'The configuration version published by the change (absent when written into a draft, or when nothing changed)', schema: { type: 'string' } } };
const written = (description: string, schema: JsonObject) => ({
  description: `${description}; with ?draft=: { result, draft } (the draft with its French diff)`,
  headers: versionHeader,
  ...body({ oneOf: [schema, { type: 'object', properties: { result: schema, draft: { type: 'object', description: 'The studio draft: id, files, diff (French lines)' } }, required: ['result', 'draft'] }] }),
});
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,79}$' }, description: 'Organisation id, e.g. mdph-44 or finess-440000000' };
/** Refusals: each description says, in French, what the body's `error` says (« … » where it names what was sent). */
const INVALID = '« La demande n’est pas valide : le champ « … » : … . »';
const common = {
  '401': problem('« Connectez-vous pour continuer. », ou un jeton refusé : « Votre jeton d’accès n’est pas valide. Reconnectez-vous. »'),
  '503': problem('« Le répertoire ne répond pas. Réessayez dans un instant. »'),
};
const editErrors = {
  '400': problem(`${INVALID} (chaque problème avec son chemin), ou « L’identifiant de l’organisation doit être celui de l’adresse. », ou un brouillon mal nommé`),
  '403': problem('« Vous ne coordonnez pas ce département : vous ne pouvez pas changer son répertoire. »'),
  '404': problem('« Cette organisation n’est pas dans le répertoire de vos départements. », ou « Ce brouillon n’existe pas (ou plus : 30 jours sans changement). »'),
  '409': problem('« Une autre publication est en cours. Réessayez dans quelques secondes. », « Le répertoire de ce brouillon a des erreurs : corrigez-les d’abord dans le studio. », ou pour la MDPH du département « La MDPH du département garde son offre de type MDPH. »'),
  '422': problem('La configuration refuse la nouvelle version : ses vérifications (checks, chaque ligne en français) ou sa preuve'),
  ...common,
};

function queryParameters(): JsonObject[] {
  return Object.entries(DirectoryQuerySchema.shape).map(([name, field]) => {
    const { description, ...schema } = schemaOf(field as z.ZodType, 'input');
    return { name, in: 'query', required: name === 'territory', schema, description };
  });
}

export function directoryPaths(): JsonObject {
  const organisation = schemaOf(OrganisationSchema);
  return {
    '/api/directory': {
      get: {
        summary: 'Search the directory of one of your territories: offers for a need, near a commune, for some people (advisors, coordinators, national admins)',
        parameters: queryParameters(),
        responses: { '200': { description: 'Organisations with the offers that match, those of the commune first', ...body(schemaOf(SearchAnswerSchema)) }, '400': problem(INVALID), '403': problem('« Vous ne travaillez pas pour ce département. »'), ...common },
      },
    },
    '/api/directory/organisations/{id}': {
      get: { summary: 'One organisation and all its offers', parameters: [idParameter], responses: { '200': { description: 'The organisation', ...body(organisation) }, '404': problem('« Cette organisation n’est pas dans le répertoire de vos départements. »'), ...common } },
      put: {
        summary: 'Create or replace an organisation (coordinators of its territory, national admins): a new version of the configuration, or a change of a draft; audited (directory.update)',
        parameters: [idParameter, draftParameter],
        requestBody: { required: true, ...body(schemaOf(OrganisationSchema, 'input')) },
        responses: { '200': written('The organisation as saved', organisation), ...editErrors },
      },
      delete: {
        summary: 'Remove an organisation (not an MDPH): a new version, or a change of a draft; audited (directory.delete)',
        parameters: [idParameter, draftParameter],
        responses: { '200': written('Removed', { type: 'object', properties: { removed: { type: 'string' } } }), ...editErrors },
      },
    },
    '/api/directory/import': {
      post: {
        summary: 'Import a CSV of establishments (the FINESS extract, or a CSV with FINESS column names): all or nothing; audited (directory.import)',
        description: 'Semicolon-separated, UTF-8 or Latin-1. An establishment already in the directory (same FINESS number) is replaced. Every establishment must be in a territory you coordinate. Published at once as a new version, or written into the draft named.',
        parameters: [draftParameter],
        requestBody: { required: true, ...body({ type: 'string' }, 'text/csv') },
        responses: {
          '200': written('Imported', schemaOf(ImportReportSchema)),
          '415': problem('« Envoyez le fichier CSV tel quel, avec le type text/csv. »'),
          ...editErrors,
          '422': { description: '« Rien n’a été importé : corrigez les lignes signalées. » (problems : chaque problème avec sa ligne, en français), ou la configuration refuse la nouvelle version (checks)', ...body(schemaOf(ImportRefusalSchema)) },
        },
      },
    },
    '/api/advisor/tickets/{ref}/partners': {
      post: {
        summary: 'Add a partner to the case file: picked from the directory (its name, offer and commune) or written by hand',
        parameters: [{ name: 'ref', in: 'path', required: true, schema: { type: 'string' }, description: 'Ticket ref, e.g. T-44-7K3F9Q' }],
        requestBody: { required: true, ...body(schemaOf(PartnerBodySchema, 'input')) },
        responses: {
          '201': { description: 'The ticket and its case file after the change', ...body({ $ref: '#/components/schemas/TicketView' }) },
          '400': problem(INVALID),
          '403': problem('« Seul le référent de ce dossier ou un coordinateur peut le modifier. »'),
          '404': problem('« Ce dossier n’existe pas ou n’est pas de vos départements. », ou « Cette offre n’est plus dans le répertoire de vos départements. »'),
          '409': problem('« Ce partenaire est déjà sur le dossier. », « Le dossier a déjà 50 partenaires : c’est le maximum. » ou « Quelqu’un modifie ce dossier en ce moment. Réessayez dans un instant. »'),
          ...common,
        },
      },
    },
  };
}
