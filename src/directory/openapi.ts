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
const common = { '401': problem('Not signed in'), '503': problem('The store does not answer') };
const editErrors = {
  '400': problem('Invalid organisation (each problem named with its path), or not a draft id'),
  '403': problem('Not a coordinator of its territory, nor a national admin'),
  '404': problem('No such organisation in your territories, or no such draft'),
  '409': problem('Another publication is in progress, try again; or the draft’s directory has errors'),
  '422': problem('The configuration’s checks or its proof refuse the new version (checks: their lines, in French)'),
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
        responses: { '200': { description: 'Organisations with the offers that match, those of the commune first', ...body(schemaOf(SearchAnswerSchema)) }, '400': problem('Malformed query'), '403': problem('Not a territory of yours'), ...common },
      },
    },
    '/api/directory/organisations/{id}': {
      get: { summary: 'One organisation and all its offers', parameters: [idParameter], responses: { '200': { description: 'The organisation', ...body(organisation) }, '404': problem('No such organisation in your territories'), ...common } },
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
          '415': problem('No CSV body'),
          ...editErrors,
          '422': { description: 'Nothing imported: every problem with its line number, in French (problems), or the configuration’s checks refuse the new version (checks)', ...body(schemaOf(ImportRefusalSchema)) },
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
          '400': problem('Invalid body'),
          '403': problem('Only the referent or a coordinator changes a case'),
          '404': problem('No such ticket, organisation or offer in your territories'),
          '409': problem('Already a partner, 50 partners already, or the case is busy'),
          ...common,
        },
      },
    },
  };
}
