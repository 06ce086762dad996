/** The observatory's published answer as a zod schema: the OpenAPI document is generated from it, and tests parse answers with it. */
import { z } from 'zod';
import { TABLE_IDS } from './publication';

const count = z.union([z.number().int().min(0), z.literal('secret')]).describe('A count (0, or 11 and more), or « secret »');
const heading = z.strictObject({ id: z.string(), label: z.string().describe('French label') });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const PublishedTableSchema = z.strictObject({
  id: z.enum(TABLE_IDS),
  title: z.string().describe('The caption, in French'),
  unit: z.string().describe('What one count is: contacts, mentions or situations'),
  rowsAre: z.string(),
  columnsAre: z.string(),
  rows: z.array(heading),
  columns: z.array(heading),
  cells: z.array(z.array(count)).describe('cells[row][column]'),
  rowTotals: z.array(count),
  columnTotals: z.array(count),
  grandTotal: count,
});

export const ObservatoryPublicationSchema = z
  .strictObject({
    territory: z.string().describe('Département code'),
    territoryName: z.string().nullable(),
    from: month,
    to: month,
    threshold: z.literal(11).describe('No count from 1 to threshold − 1 is published'),
    suppressed: z.literal('secret'),
    tables: z.array(PublishedTableSchema).length(TABLE_IDS.length),
  })
  .describe(
    'Anonymous counts of one territory over twelve months, small counts and their complements suppressed (« secret »): contacts by need × month and by profile × channel; unmet needs (N3) by need × what was missing (mentions) and by month (situations).',
  );

export const ObservatoryQuerySchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'il faut un mois AAAA-MM, par exemple 2026-11' })
    .optional()
    .describe('The last of the twelve months (YYYY-MM); default: this month'),
});
