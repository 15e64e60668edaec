/**
 * What every case use case does first, in its transaction (ARCHITECTURE §3.1-3.2): enter the
 * access module, load the case's facts, apply `decide` to the action, then read the case under
 * row-level security and open the case's cipher. And what a change of state does last: its
 * history line, then the audience rewritten from the one rule.
 */
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { CaseState } from '../../db/schema.js';
import type { AuditAction, AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Envelope, ScopeCipher } from '../../kernel/crypto/envelope.js';
import { DomainError } from '../../kernel/errors.js';
import type { RefusalFollowUp } from '../../kernel/refusal.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { type Access, type AccessContext, type Allowed, auditActorOf } from '../access/access.service.js';
import type { CaseFacts } from '../access/case-audience.js';
import type { CaseAction } from '../access/case-actions.js';
import { refuseUndeclaredProcessing } from '../declarations/declared-processing.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import type { CaseRow, CasesRepository } from './cases.repository.js';
import type { RecordsRepository } from './records.repository.js';

export interface CaseDeps {
  db: Db;
  cases: CasesRepository;
  records: RecordsRepository;
  notifications: NotificationsRepository;
  access: Access;
  audit: AuditLog;
  envelope: Envelope;
  clock: Clock;
  rules: LegalRules;
}

/** The envelope scope of a case: shredding it ends the case's content (ARCHITECTURE §3.3). */
export const caseScope = (caseId: string): string => `case:${caseId}`;

export interface OpenCase {
  context: AccessContext;
  decision: Allowed;
  facts: CaseFacts;
  row: CaseRow;
  cipher: ScopeCipher;
  /** The audit log's "who", with the authority represented when acting for one. */
  who: UserActor;
  /** The organisation the actor acts for on this case (bill art. 5: an authority represented). */
  actingFor: string;
  /** The reader sees only shared records (it is neither the compartment nor its reviewer). */
  sharedOnly: boolean;
}

export interface OpenOptions {
  /** The organisation the actor must act for (the controller of a record, SPEC ROL-09). */
  owner?: string;
  /** Lock the case row: the use case changes its state. */
  forUpdate?: boolean;
  /** What a refusal leaves besides its denied event (e.g. the exchange log of an interconnection). */
  followUp?: RefusalFollowUp;
}

export function caseOpener({ cases, access, envelope }: Pick<CaseDeps, 'cases' | 'access' | 'envelope'>) {
  return async function openCase(
    tx: Tx,
    actor: Actor,
    caseId: string,
    action: CaseAction,
    auditAction: AuditAction,
    options: OpenOptions = {},
  ): Promise<OpenCase> {
    refuseIfAny(shapeIssues(IdSchema, caseId, 'params/caseId'));
    const context = await access.enter(tx, actor);
    const facts = await access.caseFacts(tx, caseId);
    const decision = access.require(
      context,
      { action, kase: facts, ...(options.owner !== undefined && { owner: options.owner }) },
      auditAction,
      caseId,
      options.followUp,
    );
    const row = options.forUpdate ? await cases.caseForUpdate(tx, caseId) : await cases.caseById(tx, caseId);
    // Row-level security hid what the rules allowed: the two nets disagree, which is a defect.
    if (!row || !facts) throw new DomainError('internal', { detail: 'Row-level security and access.decide disagree' });
    // SPEC DCL-01 (L2007 art. 17 §1): no data is entered in a processing its controller has not declared.
    if (auditAction === 'collect') {
      await refuseUndeclaredProcessing(tx, {
        organisationId: decision.via ?? actor.organisationId,
        frameworkId: row.framework_id,
        purposes: row.purposes,
      });
    }
    return {
      context,
      decision,
      facts,
      row,
      cipher: await envelope.openScope(tx, caseScope(caseId)),
      who: auditActorOf(context, decision),
      actingFor: decision.via ?? actor.organisationId,
      sharedOnly: !access.seesCompartment(context, facts),
    };
  };
}

export type CaseOpener = ReturnType<typeof caseOpener>;

/**
 * A change of state or admission, last in its transaction: the history line first (row-level
 * security still lets the actor write it), then the audience rewritten from the new facts, which
 * may hide the case from the actor (a reviewer after its decision).
 */
export async function recordTransition(
  { cases, access }: Pick<CaseDeps, 'cases' | 'access'>,
  tx: Tx,
  open: OpenCase,
  entry: { kind: string; at: Date; subjectId?: string; state?: CaseState },
): Promise<CaseFacts> {
  await cases.history(tx, {
    case_id: open.row.id,
    at: entry.at,
    kind: entry.kind,
    user_id: open.context.facts.userId,
    organisation_id: open.actingFor,
    subject_id: entry.subjectId ?? null,
    state: entry.state ?? null,
  });
  const facts = await access.caseFacts(tx, open.row.id);
  if (!facts) throw new DomainError('internal', { detail: 'The case vanished during its transition' });
  await access.writeAudience(tx, facts, new Date(open.row.created_at));
  return facts;
}
