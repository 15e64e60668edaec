/**
 * What other modules ask of the declarations, as plain functions on their transaction (like
 * legal-holds/active-legal-hold.ts): whether a controller's processing in a framework is declared
 * (the go-live gate, SPEC DCL-01), which transfers abroad it declared (DCL-21) and which register
 * numbers its documents carry (SPEC DCL-25).
 * The declarations hold no case data (migration 0031), so any transaction reads them.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { DomainError } from '../../kernel/errors.js';

/** L2007/L1992 art. 17 §1, §7 (1992: "préalable"). */
export const GO_LIVE_RULE = 'L2007 art. 17 §1 and §7; L1992 art. 17 §1 and §7 (SPEC DCL-01, DCL-21)';

export interface ProcessingActivity {
  /** The controller entering data. */
  organisationId: string;
  frameworkId: string;
  /** The purposes the data serve (a case's purposes). */
  purposes: readonly string[];
}

/**
 * DCL-01: a controller's processing in a framework is declared when the last version it submitted
 * of one of its declarations covers the framework and these purposes and does not end it: an
 * added framework or purpose takes effect only once the modification is submitted (DCL-21). An
 * intelligence or security service is not bound to declare (L2007 art. 3 §4 disapplies art. 17;
 * SPEC SCO-15).
 */
export async function isProcessingDeclared(tx: Tx, activity: ProcessingActivity): Promise<boolean> {
  const { rows } = await sql<{ declared: boolean }>`
    SELECT (o.dp_regime = 'intelligence') OR EXISTS (
      SELECT 1 FROM declarations d
      JOIN declaration_versions v ON v.declaration_id = d.id
      WHERE d.organisation_id = o.id
        AND v.number = (SELECT max(l.number) FROM declaration_versions l WHERE l.declaration_id = d.id)
        AND v.kind <> 'cessation'
        AND ${activity.frameworkId}::uuid = ANY (v.framework_ids)
        AND v.purposes @> ${sql.val([...activity.purposes])}::text[]
    ) AS declared
    FROM organisations o WHERE o.id = ${activity.organisationId}::uuid`.execute(tx);
  return rows[0]?.declared ?? false;
}

/** DCL-01: refuses data entry (409) in a processing its controller has not declared yet. */
export async function refuseUndeclaredProcessing(tx: Tx, activity: ProcessingActivity): Promise<void> {
  if (await isProcessingDeclared(tx, activity)) return;
  throw new DomainError('conflict', {
    detail:
      "Your organisation's processing in this consultation framework is not declared yet: its data protection officer submits the declaration covering this framework and these purposes first",
    rule: GO_LIVE_RULE,
  });
}

/**
 * DCL-21 (L1992 art. 17 §7: a change of a §6 item needs a *prior* declaration): the categories of
 * `categories` the controller's running declarations do not list as sent to `country` yet — the last
 * version it submitted of one of its declarations, unless that version ends it. A destination
 * registered abroad therefore carries nothing until the modification listing its country is
 * submitted. Before its first declaration a controller processes nothing (the go-live gate, DCL-01),
 * and that declaration is generated from the configuration, destinations included: nothing is
 * missing yet. An intelligence or security service declares nothing (SCO-15): none are missing.
 */
export async function undeclaredTransferCategories(
  tx: Tx,
  controllerId: string,
  country: string,
  categories: readonly string[],
): Promise<string[]> {
  if (categories.length === 0) return [];
  const { rows } = await sql<{ code: string }>`
    SELECT wanted.code FROM organisations o
    CROSS JOIN unnest(${sql.val([...categories])}::text[]) AS wanted(code)
    WHERE o.id = ${controllerId}::uuid AND o.dp_regime <> 'intelligence' AND EXISTS (
      SELECT 1 FROM declarations d
      JOIN declaration_versions v ON v.declaration_id = d.id
      WHERE d.organisation_id = o.id
        AND v.number = (SELECT max(l.number) FROM declaration_versions l WHERE l.declaration_id = d.id)
        AND v.kind <> 'cessation'
    ) AND NOT EXISTS (
      SELECT 1 FROM declarations d
      JOIN declaration_versions v ON v.declaration_id = d.id
      CROSS JOIN LATERAL jsonb_array_elements(v.content::jsonb -> 'sections' -> 'transfers' -> 'categories') c
      WHERE d.organisation_id = o.id
        AND v.number = (SELECT max(l.number) FROM declaration_versions l WHERE l.declaration_id = d.id)
        AND v.kind <> 'cessation'
        AND c ->> 'code' = wanted.code
        AND (c -> 'countries') ? ${country}
    )
    ORDER BY wanted.code`.execute(tx);
  return rows.map((row) => row.code);
}

/**
 * DCL-25 (L1992 art. 18 al. 4): the identification numbers, in the register, of the controller's
 * processing in `frameworkIds`: the Commission's number, or the sectoral committee's authorisation
 * (L2007 art. 20), of each running declaration that covers one of them. Sorted, without repeats.
 */
export async function registerNumbersOf(
  tx: Tx,
  organisationId: string,
  frameworkIds: readonly string[],
): Promise<string[]> {
  if (frameworkIds.length === 0) return [];
  const { rows } = await sql<{ number: string }>`
    SELECT DISTINCT coalesce(d.register_number, d.sectoral_authorisation_reference) AS number
    FROM declarations d
    JOIN declaration_versions v ON v.declaration_id = d.id
    WHERE d.organisation_id = ${organisationId}::uuid
      AND v.number = (SELECT max(l.number) FROM declaration_versions l WHERE l.declaration_id = d.id)
      AND v.kind <> 'cessation'
      AND v.framework_ids && ${sql.val([...frameworkIds])}::uuid[]
      AND coalesce(d.register_number, d.sectoral_authorisation_reference) IS NOT NULL
    ORDER BY 1`.execute(tx);
  return rows.map((row) => row.number);
}

/** DCL-25: the numbers of every running declaration of the controller (a letter or answer of its desk). */
export async function controllerRegisterNumbers(tx: Tx, organisationId: string): Promise<string[]> {
  const { rows } = await sql<{ number: string }>`
    SELECT DISTINCT coalesce(d.register_number, d.sectoral_authorisation_reference) AS number
    FROM declarations d
    JOIN declaration_versions v ON v.declaration_id = d.id
    WHERE d.organisation_id = ${organisationId}::uuid
      AND v.number = (SELECT max(l.number) FROM declaration_versions l WHERE l.declaration_id = d.id)
      AND v.kind <> 'cessation'
      AND coalesce(d.register_number, d.sectoral_authorisation_reference) IS NOT NULL
    ORDER BY 1`.execute(tx);
  return rows.map((row) => row.number);
}
