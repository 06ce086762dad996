/**
 * The studio's paths in the OpenAPI document (src/advisors/openapi.ts includes them), from the zod
 * schemas the routes validate with. The document's helpers are handed in (no import circle).
 */
import type { z } from 'zod';
import { NationalEditSchema, TerritoryEditSchema } from './edits';
import { ClosureBodySchema, CrisisBodySchema, ImportBodySchema, PublishBodySchema, RollbackBodySchema } from './routes';

type JsonObject = Record<string, unknown>;

export interface OpenApiTools {
  inputSchema(schema: z.ZodType): JsonObject;
  json(schema: JsonObject): JsonObject;
  error(description: string): JsonObject;
  standardErrors: JsonObject;
}

const text = { type: 'string' };
const anyObject = { type: 'object' };
const version = { type: 'object', description: 'A version: number, kind (import, publish, rollback, emergency), author, at, comment, basedOn, diff (French lines)' };
const draftView = { type: 'object', description: 'A draft: id, basedOn, author, updatedAt, revision, files (changed), diff (French lines), approvals, needsApproval (it changes emergency numbers)' };
const draftParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^D-[0-9a-f]{16}$' } };
const numberParameter = { name: 'number', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const codeParameter = { name: 'code', in: 'path', required: true, schema: { type: 'string' }, description: 'Département code' };
const pathParameter = { name: 'path', in: 'path', required: true, schema: { type: 'string' }, description: 'A YAML file of CONFIG_DIR, e.g. config/territories.yaml' };

export function studioPaths(tools: OpenApiTools): JsonObject {
  const { json, error, inputSchema } = tools;
  const refusals = {
    '400': error('« La demande n’est pas valide : le champ « … » : … . », ou « attendu : /api/studio/… » (un numéro, un brouillon ou un fichier mal écrit dans l’adresse)'),
    '403': error('« Votre rôle ne donne pas accès au studio. », « Votre rôle permet de lire le studio, pas de le modifier. », ou un territoire qui n’est pas le vôtre (« Vous ne pouvez pas fermer le territoire … : ce n’est pas le vôtre. »)'),
    '404': error('« La version … n’existe pas. » ou « Ce brouillon n’existe pas (ou plus : 30 jours sans changement). »'),
    ...tools.standardErrors,
  };
  const publishing = {
    '409': error('« Rien à publier. », « La version … a été publiée depuis votre brouillon et change aussi … . Faites un nouveau brouillon. », « Une autre publication est en cours. Réessayez dans quelques secondes. », ou « Ce brouillon change des numéros d’urgence : un second administrateur national doit l’approuver avant la publication. »'),
    '422': { description: '« La configuration a des erreurs : corrigez-les avant de publier. » ou « La preuve a trouvé un problème bloquant. » : `problems` donne fichier:ligne: chemin: ce qui est attendu', ...json({ type: 'object', properties: { error: text, problems: { type: 'array', items: text } } }) },
  };
  const body = (schema: z.ZodType) => ({ requestBody: { required: true, ...json(inputSchema(schema)) } });
  const answer = (description: string, schema: JsonObject, status = '200') => ({ [status]: { description, ...json(schema) } });
  return {
    '/api/studio/versions': { get: { summary: 'The versions (newest first) and the number of the published one', responses: { ...answer('Versions', anyObject), ...refusals } } },
    '/api/studio/versions/{number}': { get: { summary: 'One version, its diff against the one before, whether it is published', parameters: [numberParameter], responses: { ...answer('The version', version), ...refusals } } },
    '/api/studio/versions/{number}/files/{path}': {
      get: {
        summary: 'Export: one YAML file of a version, as it is',
        parameters: [numberParameter, pathParameter],
        responses: { '200': { description: 'The file', content: { 'application/yaml': { schema: text } } }, ...refusals },
      },
    },
    '/api/studio/drafts': { post: { summary: 'A new draft from the published version (national admins, coordinators)', responses: { ...answer('The draft', draftView, '201'), ...refusals } } },
    '/api/studio/drafts/{id}': {
      get: { summary: 'A draft and its diff', parameters: [draftParameter], responses: { ...answer('The draft', draftView), ...refusals } },
      delete: { summary: 'Drops a draft', parameters: [draftParameter], responses: { ...answer('Dropped', anyObject), ...refusals } },
    },
    '/api/studio/drafts/{id}/territories/{code}': {
      put: { summary: 'Changes a territory’s entry: hours, closed days, target, closed behaviour and message, callback wait, name', parameters: [draftParameter, codeParameter], ...body(TerritoryEditSchema), responses: { ...answer('The draft', draftView), ...refusals } },
    },
    '/api/studio/drafts/{id}/national': {
      put: { summary: 'Changes the national settings (national admins): fallback, crisis, postcode overrides', parameters: [draftParameter], ...body(NationalEditSchema), responses: { ...answer('The draft', draftView), ...refusals } },
    },
    '/api/studio/drafts/{id}/files/{path}': {
      get: {
        summary: 'Export: one YAML file of a draft, as it would be published',
        parameters: [draftParameter, pathParameter],
        responses: { '200': { description: 'The file', content: { 'application/yaml': { schema: text } } }, ...refusals },
      },
      put: { summary: 'Import: one YAML file into the draft (checked at check and publish, with line numbers)', parameters: [draftParameter, pathParameter], ...body(ImportBodySchema), responses: { ...answer('The draft', draftView), ...refusals } },
    },
    '/api/studio/drafts/{id}/check': {
      post: { summary: 'The checks of npm run config:check, then the proof', parameters: [draftParameter], responses: { ...answer('problems, findings, publishable', anyObject), ...refusals } },
    },
    '/api/studio/drafts/{id}/approve': {
      post: { summary: 'A second national admin approves the draft’s current revision (two-person rule on emergency numbers)', parameters: [draftParameter], responses: { ...answer('Approved', anyObject), ...refusals } },
    },
    '/api/studio/drafts/{id}/publish': {
      post: { summary: 'Publishes the draft: a new version, served by every process within a second', parameters: [draftParameter], ...body(PublishBodySchema), responses: { ...answer('The version published', version, '201'), ...publishing, ...refusals } },
    },
    '/api/studio/rollback': {
      post: { summary: 'Roll back: publishes an earlier version’s files again, as a new version', ...body(RollbackBodySchema), responses: { ...answer('The version published', version, '201'), ...publishing, ...refusals } },
    },
    '/api/studio/crisis': {
      post: { summary: 'The crisis switch, without a draft (national admins): on within a second, audited with its reason', ...body(CrisisBodySchema), responses: { ...answer('The version published', version, '201'), ...publishing, ...refusals } },
    },
    '/api/studio/territories/{code}/closure': {
      post: { summary: 'A territory’s exceptional closure with its message, or its end, without a draft; audited with its reason', parameters: [codeParameter], ...body(ClosureBodySchema), responses: { ...answer('The version published', version, '201'), ...publishing, ...refusals } },
    },
  };
}
