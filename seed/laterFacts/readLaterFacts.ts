import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SeedValidationError } from '../../src/errors';
import { describeIssues } from '../schema';

/** seed/sources/later-facts.json: the sourced facts of 2019-2026 (docs/later-facts.md). */
export const DEFAULT_LATER_FACTS_PATH = path.resolve(__dirname, '../sources/later-facts.json');

export const DATE_FIELDS = ['issuedOn', 'effectiveFrom', 'effectiveTo', 'operativeFrom', 'reportedOn'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

const text = z.string().trim().min(1, 'must not be empty');
const documentRef = z.object({ number: text.optional(), date: text.optional() }).strict();

const quoteSchema = z.object({ text, lang: z.enum(['vi', 'en', 'zh']), gloss: text.optional() }).strict();
const sourceSchema = z
  .object({ url: text.optional(), site: text.optional(), document: documentRef.optional(), quotes: z.array(quoteSchema).min(1) })
  .strict();
const subjectSchema = z
  .object({
    role: text,
    type: z.enum(['body', 'document', 'category', 'territory']),
    nameVi: text,
    seedId: text.optional(),
    number: text.optional(),
    date: text.optional(),
  })
  .strict();
const factSchema = z
  .object({
    id: text,
    kind: text,
    summary: text,
    subjects: z.array(subjectSchema).min(1),
    dates: z.object(Object.fromEntries(DATE_FIELDS.map((f) => [f, text.optional()])) as Record<DateField, z.ZodOptional<typeof text>>).strict(),
    document: documentRef.optional(),
    sources: z.array(sourceSchema).min(1),
    caveats: z.array(text).optional(),
  })
  .strict();
const fileSchema = z.object({ format: z.literal('later-facts/1'), facts: z.array(factSchema) }).passthrough();

export type LaterFact = z.infer<typeof factSchema>;
export type FactSubject = z.infer<typeof subjectSchema>;
export type FactSource = z.infer<typeof sourceSchema>;

/**
 * Reads the later facts, by id. Throws one {@link SeedValidationError} naming
 * the file and the field when the file is not the declared format (the full
 * checks of its content are in test/seed/laterFacts.test.ts).
 */
export function readLaterFacts(file: string = DEFAULT_LATER_FACTS_PATH): ReadonlyMap<string, LaterFact> {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedValidationError([`${name}: not readable JSON: ${(error as Error).message}`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new SeedValidationError(describeIssues(parsed.error).map((p) => `${name}: ${p}`));
  const facts = new Map<string, LaterFact>();
  for (const fact of parsed.data.facts) {
    if (facts.has(fact.id)) throw new SeedValidationError([`${name}: fact ${fact.id} appears twice`]);
    facts.set(fact.id, fact);
  }
  return facts;
}
