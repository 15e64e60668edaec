/**
 * The declaration conformity check (L2007 art. 16 §2 4°, L1992 art. 16 §1 2°: the programs conform
 * to the declaration; SPEC SEC-10, PEN-09): what the system is configured to do now, as the
 * generator would declare it, against the content of the last version submitted, section by
 * section. Every section that differs is an item of the declaration to update (art. 17 §7, SPEC
 * DCL-21). Pure; the date of the declaration (§3 1°) is the submission's and is not compared.
 */
import { createHash } from 'node:crypto';
import {
  DECLARATION_SECTIONS,
  type DeclarationContent,
  type DeclarationSection,
} from '../../../contracts/declarations.js';
import { canonicalJson, type JsonValue } from '../../kernel/audit/canonical-json.js';
import { SECTION_ITEMS, SECTION_NAMES } from './declaration-texts.js';

export const CONFORMITY_RULE =
  'L2007 art. 16 §2 4° and art. 17 §7; L1992 art. 16 §1 2° (SPEC SEC-10, DCL-21)';

export interface SectionDifference {
  section: DeclarationSection;
  item: string;
  label: string;
}

/** The content as it is stored and hashed: canonical JSON, so that equal content gives equal bytes. */
export function serialiseContent(content: DeclarationContent): { json: string; sha256: string } {
  const json = canonicalJson(content as unknown as JsonValue);
  return { json, sha256: createHash('sha256').update(json).digest('hex') };
}

/** The sections of `declared` that `configured` says otherwise, in the order of art. 17 §3. */
export function differingSections(
  declared: DeclarationContent,
  configured: DeclarationContent,
): SectionDifference[] {
  const sectionOf = (content: DeclarationContent, section: DeclarationSection) =>
    canonicalJson(((content.sections as Record<string, unknown>)[section] ?? null) as JsonValue);
  const languageChanged = declared.language !== configured.language;
  return DECLARATION_SECTIONS.filter(
    (section) => languageChanged || sectionOf(declared, section) !== sectionOf(configured, section),
  ).map((section) => ({ section, item: SECTION_ITEMS[section], label: SECTION_NAMES[section] }));
}
