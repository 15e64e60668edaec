
import { IdSchema } from '../../../contracts/identity.js';
import type {
  ReplyLetter,
  RightsPart,
} from '../../../contracts/rights.js';
import type { Tx } from '../../db/database.js';
import type { AuditEvent, UserActor } from '../../kernel/audit/index.js';
import { DomainError } from '../../kernel/errors.js';
import type { Regime } from '../../kernel/legal-rules/index.js';
import type { AccessContext } from '../access/access.service.js';
import type { RightsPartNeed } from '../access/decide.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import { commissionRepeatInterval } from '../supervision/repeat-instructions.js';
import { objectionOf } from './objection-rules.js';
import { replyLetter } from './reply-letter.js';
import { partClocks } from './rights-clocks.js';
import { RIGHTS_FIELDS, type RequesterRecord, rightsScope } from './rights-fields.js';
import type { RightsServiceDeps } from './rights.service.js';
import type { DeskPartRow } from './rights.repository.js';

export const IDENTITY_RULE = 'L2007 art. 10 §1 al. 1 (SPEC RGT-ACC-02)';

export function rightsDeskView(deps: RightsServiceDeps) {
  const { rights, access, envelope, clock, rules } = deps;

  async function requesterOf(tx: Tx, row: Pick<DeskPartRow, 'request_id' | 'requester'>): Promise<RequesterRecord> {
    const cipher = await envelope.openScope(tx, rightsScope(row.request_id));
    return JSON.parse(await cipher.decryptText(...RIGHTS_FIELDS.requester(), row.requester)) as RequesterRecord;
  }
  async function presentPart(tx: Tx, context: AccessContext, row: DeskPartRow): Promise<RightsPart> {
    const requester = await requesterOf(tx, row);
    const clocks = partClocks(
      rules,
      {
        kind: row.kind,
        route: row.route,
        regime: row.regime as Regime,
        receivedAt: new Date(row.received_at),
        datedOn: row.dated_on,
        answeredAt: row.answered_at ? new Date(row.answered_at) : null,
        rejected: row.outcome === 'rejected',
      },
      clock.now(),
    );
    return {
      id: row.id,
      requestId: row.request_id,
      kind: row.kind,
      receivedAt: new Date(row.received_at).toISOString(),
      datedOn: row.dated_on,
      language: row.language,
      requesterName: requester.name,
      controller: { id: row.controller_organisation_id, legalName: row.legal_name },
      route: row.route,
      routeReason: row.route_reason,
      identityVerified: row.identity_verified_at !== null,
      receivedHere: row.intake_organisation_id === context.facts.organisationId,
      clock: clocks.clock,
      prosecutorClock: clocks.prosecutorClock,
      repeat: await repeatOf(tx, row),
      status: row.status,
      outcome: row.outcome,
      answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
      courtActionAdmissible: clocks.courtActionAdmissible,
      objection: row.kind === 'objection' && row.objection_ground === 'particular_situation' ? objectionOf(row.lawful_ground) : null,
      records: row.records,
    };
  }
  /**
   * SPEC RGT-ACC-06 (L2007 art. 10 §3; L1992 art. 10 §2): the desk's earlier answered access
   * request of the same person within the interval; answering is recommended when the data
   * changed since it. The desk decides, with reasons (a deferral needs them). SPEC SUP-05 (L1992
   * art. 10 §2 al. 2): an interval the Commission imposed for the person shortens it.
   */
  async function repeatOf(tx: Tx, row: DeskPartRow): Promise<RightsPart['repeat']> {
    if (row.kind !== 'access' || row.route === 'judicial' || row.route === 'commission') return null;
    const receivedAt = new Date(row.received_at);
    const person = { nrn: row.nrn_index, nameDob: row.name_dob_index };
    const [previous] = await rights.answeredBefore(tx, row.controller_organisation_id, person, 'access', receivedAt);
    if (!previous) return null;
    const instruction = await commissionRepeatInterval(tx, row.controller_organisation_id, person);
    const regime = row.regime as Regime;
    if (!rules.isRepeatAccessRequest(regime, new Date(previous.received_at), receivedAt, instruction?.intervalMonths)) {
      return null;
    }
    const itemIds = row.records.filter((r) => r.type === 'item').map((r) => r.id);
    const changed = await rights.changedSince(tx, itemIds, new Date(previous.answered_at!));
    return { previousRequestId: previous.id, recommendation: changed ? 'answer_recommended' : 'repeat' };
  }
  /** The desk's part, or a 404: another controller's part does not exist for this desk. */
  async function deskPart(tx: Tx, partId: string): Promise<DeskPartRow> {
    refuseIfAny(shapeIssues(IdSchema, partId, 'params/partId'));
    const row = await rights.partById(tx, partId);
    if (!row) throw new DomainError('not_found', { detail: 'No such request' });
    return row;
  }
  /** The access module's rule for acting on a part: as its controller, or as the desk that answers it. */
  function requirePart(context: AccessContext, row: DeskPartRow, need: RightsPartNeed, action: AuditEvent['action']): void {
    access.require(
      context,
      { action: 'rights.part', need, part: { controllerId: row.controller_organisation_id, officeId: row.prosecutor_office_id } },
      action,
    );
  }
  function requireVerified(row: DeskPartRow): void {
    if (row.identity_verified_at === null) {
      throw new DomainError('conflict', { detail: "The requester's identity is not verified yet", rule: IDENTITY_RULE });
    }
  }
  const partEvent = (who: UserActor, action: AuditEvent['action'], row: DeskPartRow, reason?: string): AuditEvent => ({
    actor: who,
    action,
    outcome: 'success',
    records: [
      { type: 'rights_request', id: row.request_id },
      { type: 'rights_part', id: row.id },
    ],
    ...(reason ? { reason } : {}),
  });
  /** The answer's reasons, decrypted from the request's scope (RGT-CRT-02). */
  async function reasonsOf(tx: Tx, row: DeskPartRow): Promise<string | null> {
    if (!row.answer) return null;
    const cipher = await envelope.openScope(tx, rightsScope(row.request_id));
    return cipher.decryptText(...RIGHTS_FIELDS.answer(row.id), row.answer);
  }
  /** The letter to the person (RGT-OBJ-02, RGT-JUD-01, RGT-CRT-02), for the desk and the evidence pack. */
  async function letterOf(tx: Tx, row: DeskPartRow): Promise<ReplyLetter> {
    const requester = await requesterOf(tx, row);
    return replyLetter({
      language: row.language,
      controller: row.legal_name,
      requesterName: requester.name,
      receivedAt: new Date(row.received_at),
      kind: row.kind,
      outcome: row.outcome ?? 'routed_judicial',
      reasons: await reasonsOf(tx, row),
      directMarketing: row.objection_ground === 'direct_marketing',
      objectionExcluded: row.kind === 'objection' && !(objectionOf(row.lawful_ground)?.applies ?? true),
      answeredAt: row.answered_at ? new Date(row.answered_at) : null,
    });
  }

  return { requesterOf, presentPart, deskPart, requirePart, requireVerified, partEvent, reasonsOf, letterOf };
}
