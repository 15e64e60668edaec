/**
 * Keeping declarations true (L2007 art. 16 §2 4°, art. 17 §2 and §7; SPEC SEC-10, DCL-03, DCL-21):
 * the configuration is compared with the last version submitted and any difference opens an
 * "update the declaration" item for the controller's DPOs; a submission the Commission has not
 * acknowledged three working days after it alerts them. Run by the daily job, after a change of a
 * framework (the frameworks service calls `afterFrameworkChange`), and when the DPO asks.
 */
import type { Conformity } from '../../../contracts/declarations.js';
import type { DeclarationContent } from '../../../contracts/declarations.js';
import type { Db, Tx } from '../../db/database.js';
import type { DeclarationUpdateCause } from '../../db/schema.js';
import type { AuditActor, AuditLog } from '../../kernel/audit/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type LegalRules, parseCivilDate } from '../../kernel/legal-rules/index.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import { differingSections } from './declaration-conformity.js';
import { generateFor } from './declaration-facts.js';
import { acknowledgementState } from './declaration-rules.js';
import type {
  DeclarationRow,
  DeclarationsRepository,
  UpdateItemRow,
  VersionRow,
} from './declarations.repository.js';

export interface ReviewDeps {
  declarations: DeclarationsRepository;
  notifications: NotificationsRepository;
  rules: LegalRules;
  audit: AuditLog;
}

export interface ConformityResult {
  conformity: Conformity;
  /** What differs, as the update item keeps it: section names, or the fields generation now lacks. */
  differences: string[];
}

/** SEC-10: the configuration now against the last version submitted (none to compare after a cessation). */
export async function conformityOf(
  deps: Pick<ReviewDeps, 'declarations' | 'rules'>,
  tx: Tx,
  row: DeclarationRow,
  latest: VersionRow | undefined,
): Promise<ConformityResult> {
  if (!latest || latest.kind === 'cessation') {
    return { conformity: { conforms: null, differences: [], comparedWithVersion: null }, differences: [] };
  }
  const generated = await generateFor(deps, tx, row, latest.submitted_on);
  if (!generated.content) {
    // What was declared can no longer be generated: the configuration lost a field the law asks for.
    return {
      conformity: { conforms: false, differences: [], comparedWithVersion: latest.number },
      differences: generated.issues.map((issue) => issue.field),
    };
  }
  const sections = differingSections(JSON.parse(latest.content) as DeclarationContent, generated.content);
  return {
    conformity: {
      conforms: sections.length === 0,
      differences: sections,
      comparedWithVersion: latest.number,
    },
    differences: sections.map((difference) => difference.section),
  };
}

/**
 * DCL-21: opens the item of `cause` (or brings its differences up to date), tells the DPOs once
 * per item, and records it. Returns the item, and whether it was opened now.
 */
export async function openUpdateItem(
  deps: ReviewDeps,
  tx: Tx,
  row: DeclarationRow,
  cause: DeclarationUpdateCause,
  differences: readonly string[],
  at: Date,
  actor: AuditActor,
): Promise<{ item: UpdateItemRow; opened: boolean }> {
  const open = await deps.declarations.openItem(tx, row.id, cause);
  const same = open && [...open.differences].sort().join() === [...differences].sort().join();
  if (open && same) return { item: open, opened: false };
  const item = open
    ? await deps.declarations.updateItem(tx, open.id, { differences: [...differences] })
    : await deps.declarations.insertItem(tx, {
        declaration_id: row.id,
        cause,
        differences: [...differences],
        opened_at: at,
      });
  if (!open) {
    await deps.notifications.notifyOnce(tx, [
      {
        organisationId: row.organisation_id,
        kind: 'declaration_update_due',
        subjectId: item.id,
        audience: 'dpo',
        at,
      },
    ]);
  }
  await deps.audit.record(tx, {
    actor,
    action: 'userId' in actor ? 'admin.declaration_update_opened' : 'system.declaration_update_opened',
    outcome: 'success',
    records: [
      { type: 'declaration', id: row.id },
      { type: 'declaration_update_item', id: item.id },
    ],
    reason: cause,
  });
  return { item, opened: !open };
}

/** SEC-10, DCL-21: compares one declaration and opens its item when the configuration moved. */
export async function reviewDeclaration(
  deps: ReviewDeps,
  tx: Tx,
  row: DeclarationRow,
  at: Date,
  actor: AuditActor,
): Promise<{ result: ConformityResult; item: UpdateItemRow | null; opened: boolean }> {
  const [latest] = await deps.declarations.latestVersions(tx, [row.id]);
  const result = await conformityOf(deps, tx, row, latest);
  if (result.conformity.conforms !== false) return { result, item: null, opened: false };
  const { item, opened } = await openUpdateItem(
    deps,
    tx,
    row,
    'configuration_changed',
    result.differences,
    at,
    actor,
  );
  return { result, item, opened };
}

/**
 * DCL-03: a submission to the Commission not acknowledged by the end of its third working day
 * alerts the controller's DPOs, once (dated at the deadline, so that raising it again writes nothing).
 */
export async function raiseAcknowledgementAlerts(deps: ReviewDeps, tx: Tx): Promise<number> {
  const waiting = await deps.declarations.unacknowledged(tx);
  const overdue = waiting.flatMap((version) => {
    const state = acknowledgementState(
      { status: 'submitted', submittedOn: version.submitted_on, acknowledgedOn: null },
      'commission',
      deps.rules,
    );
    if (!state.overdue) return [];
    const due = deps.rules.commissionAcknowledgementDue(parseCivilDate(version.submitted_on));
    return [
      {
        organisationId: version.organisation_id,
        kind: 'declaration_acknowledgement_overdue' as const,
        subjectId: version.id,
        audience: 'dpo' as const,
        at: due.endsAt,
      },
    ];
  });
  await deps.notifications.notifyOnce(tx, overdue);
  return overdue.length;
}

/** The daily job (SPEC SEC-10, DCL-03, DCL-21): every running declaration reviewed, every late acknowledgement raised. */
export async function runDeclarationReview(
  deps: ReviewDeps & { db: Db },
  at: Date,
): Promise<{ opened: number; alerts: number }> {
  return refusable(deps.db, deps.audit, async (tx) => {
    const actor = { system: 'declaration-review' };
    let opened = 0;
    for (const row of await deps.declarations.submitted(tx)) {
      if ((await reviewDeclaration(deps, tx, row, at, actor)).opened) opened += 1;
    }
    return { opened, alerts: await raiseAcknowledgementAlerts(deps, tx) };
  });
}

/**
 * What the frameworks service calls after a change of a framework (its participants, or a draft's
 * fields): every declaration that covers it is compared again, in the same transaction, and an
 * update item opens where the declared content no longer holds (SPEC SEC-10: "adding a recipient
 * category that is not in the declaration fails the check and creates a declaration update task").
 */
export function createDeclarationReview(deps: ReviewDeps) {
  return {
    async afterFrameworkChange(
      tx: Tx,
      frameworkId: string,
      at: Date,
      actor: AuditActor,
    ): Promise<UpdateItemRow[]> {
      const items: UpdateItemRow[] = [];
      for (const row of await deps.declarations.mappingFramework(tx, frameworkId)) {
        const { item } = await reviewDeclaration(deps, tx, row, at, actor);
        if (item) items.push(item);
      }
      return items;
    },
  };
}

export type DeclarationReview = ReturnType<typeof createDeclarationReview>;
