/**
 * The codes of the bill's closed lists, as the API and the web app exchange them. Their labels
 * and articles live with the legal rules (src/server/kernel/legal-rules/enumerations.ts); a test
 * keeps both lists equal.
 */
import { Type } from 'typebox';

/** CP art. 458ter §1 al. 2: exactly three purposes (SPEC PUR-01). */
export const PURPOSE_CODES = ['P1', 'P2', 'P3'] as const;
export type PurposeCode = (typeof PURPOSE_CODES)[number];

/** bill art. 2 §2 al. 1 1°-16°: exactly sixteen data categories (SPEC DAT-00). */
export const CATEGORY_CODES = [
  'C01',
  'C02',
  'C03',
  'C04',
  'C05',
  'C06',
  'C07',
  'C08',
  'C09',
  'C10',
  'C11',
  'C12',
  'C13',
  'C14',
  'C15',
  'C16',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const PurposeSchema = Type.Enum([...PURPOSE_CODES]);
export const CategorySchema = Type.Enum([...CATEGORY_CODES]);
/** One or more purposes, each once (SPEC A-25: a consultation may serve several). */
export const PurposesSchema = Type.Array(PurposeSchema, { minItems: 1, maxItems: 3, uniqueItems: true });
