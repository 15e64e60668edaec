/**
 * What a new or changed item of a case must satisfy, and how a new one is written (bill art. 2 §2,
 * art. 3 §1 al. 2; SPEC DAT-00..33, SCO-05, SCO-06, WFL-03, WFL-08). Shared by the case route
 * (case-records.service.ts) and by the deliveries of an interconnection (SPEC INT-02), which write
 * the owner's items inside their own transaction: both apply the same rules and write the same rows.
 * The caller has opened the case for `case.contribute` (open-case.ts) and records the audit event.
 */
import { randomUUID } from 'node:crypto';
import type { CreateItem, UpdateItem } from '../../../contracts/items.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { Tx } from '../../db/database.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { OPEN_STATES } from '../access/case-actions.js';
import { FIELDS } from './case-fields.js';
import type { ItemPayload } from './case-presenter.js';
import { phaseOf } from './case-rules.js';
import { type ItemFacts, policeMissionOf, type RuledIssue } from './item-rules.js';
import type { CaseDeps, OpenCase } from './open-case.js';
import type { ItemRow } from './records.repository.js';
import { decreeFactsOf } from './royal-decree-facts.js';
import { royalDecreeIssues } from './royal-decree-item-rules.js';

export type ItemDeps = Pick<CaseDeps, 'cases' | 'records' | 'clock'>;

/** The encrypted payload of an item version. */
export function itemPayloadOf(
  input: Omit<UpdateItem, 'reason'>,
  sourceReference: string | null,
): ItemPayload {
  return {
    content: input.content,
    details: input.details ?? null,
    special: input.special ?? null,
    relevance: input.relevance ?? null,
    sourceReference,
    secretOfInvestigation: input.secretOfInvestigation ?? null,
    judicial: input.judicial ?? null,
  };
}

/** The facts the item rules read: the framework's categories, the controller, the persons seen. */
export async function itemFactsOf(tx: Tx, { cases, records }: ItemDeps, open: OpenCase): Promise<ItemFacts> {
  const [framework, [controller], persons] = await Promise.all([
    cases.frameworkOf(tx, open.row.framework_id),
    cases.organisations(tx, [open.actingFor]),
    records.personsOf(tx, open.row.id, open.sharedOnly),
  ]);
  return {
    allowedCategories: (framework?.allowed_categories ?? []) as CategoryCode[],
    controller: {
      kind: controller!.kind as ItemFacts['controller']['kind'],
      dpRegime: controller!.dp_regime as ItemFacts['controller']['dpRegime'],
    },
    persons: new Map(persons.map((p) => [p.id, p.role])),
  };
}

/** DAT-32, DAT-33: what the royal decrees of the acting organisation ask of the item. */
export async function decreeIssuesOf(
  tx: Tx,
  { records, clock }: ItemDeps,
  open: OpenCase,
  input: { category: CategoryCode; personIds: readonly string[] },
  previous?: CategoryCode,
): Promise<RuledIssue[]> {
  const [facts, persons] = await Promise.all([
    decreeFactsOf(tx, records, open.row.id, open.actingFor, brusselsDateOf(clock.now())),
    records.personsOf(tx, open.row.id, open.sharedOnly),
  ]);
  return royalDecreeIssues(
    input,
    {
      priorNoticeRequired: facts.noticeDecree !== undefined,
      notified: new Set(facts.notices.keys()),
      persons: new Set(persons.map((person) => person.id)),
      sexLife: facts.sexLife,
    },
    previous,
  );
}

/** WFL-03: the persons among `personIds` that are still in the compartment (not shared). */
export async function compartmentPersonsOf(
  tx: Tx,
  { records }: ItemDeps,
  open: OpenCase,
  personIds: readonly string[],
): Promise<Set<string>> {
  const persons = await records.personsOf(tx, open.row.id, open.sharedOnly);
  return new Set(persons.filter((p) => !p.shared && personIds.includes(p.id)).map((p) => p.id));
}

/**
 * Writes a checked item, its persons and its first version; its controller is the organisation
 * the case was opened for (FIL-02), its mission confirmed by `by.userId` (SCO-06).
 */
export async function writeNewItem(
  tx: Tx,
  deps: ItemDeps,
  open: OpenCase,
  input: CreateItem,
  by: { userId: string; at: Date; controller: ItemFacts['controller'] },
): Promise<ItemRow> {
  const { records } = deps;
  // WFL-03: information about a person the signal left in the compartment stays there with
  // that person, until its controller shares both (SPEC WFL-09).
  const withCompartmentPersons = (await compartmentPersonsOf(tx, deps, open, input.personIds)).size > 0;
  const id = randomUUID();
  const sourceReference = input.provenance.kind === 'already_held' ? input.provenance.sourceReference : null;
  const payload = await open.cipher.encrypt(
    ...FIELDS.item(id, 1),
    JSON.stringify(itemPayloadOf(input, sourceReference)),
  );
  const row = await records.insertItem(tx, {
    id,
    case_id: open.row.id,
    category: input.category,
    controller_organisation_id: open.actingFor,
    shared: OPEN_STATES.includes(open.row.state) && !withCompartmentPersons,
    genetic_biometric: input.geneticOrBiometric ?? false,
    reveals_sensitive: input.revealsSensitive ?? [],
    secret_of_investigation: input.secretOfInvestigation !== undefined,
    judicial: input.judicial !== undefined,
    police_mission: policeMissionOf(input, by.controller),
    criminal_related: input.criminalRelated ?? false,
    phase: phaseOf(open.row.state),
    provenance: input.provenance.kind,
    consultation_id:
      input.provenance.kind === 'collected_following_consultation' ? input.provenance.consultationId : null,
    mission_confirmed_by: by.userId,
    mission_confirmed_at: by.at,
    annotates_item_id: input.annotatesItemId ?? null,
    payload,
    created_by: by.userId,
    created_at: by.at,
    updated_by: by.userId,
    updated_at: by.at,
  });
  await records.setItemPersons(tx, id, input.personIds);
  await records.itemVersion(tx, {
    item_id: id,
    version: 1,
    category: input.category,
    reveals_sensitive: input.revealsSensitive ?? [],
    criminal_related: input.criminalRelated ?? false,
    payload,
    changed_by: by.userId,
    changed_at: by.at,
    reason: null,
  });
  return row;
}
