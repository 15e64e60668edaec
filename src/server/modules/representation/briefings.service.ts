/**
 * Briefing before and debriefing after a case consultation (bill art. 5 al. 2–3; SPEC ROL-05,
 * ROL-06). What is recorded is who passed information to whom, about which consultation, when,
 * and optionally the SHA-256 the sender computed of it. The information itself is case content:
 * it travels through the case module, encrypted under the case key (ARCHITECTURE §3 law 3),
 * never through this table. A debrief reaches only represented persons who first acknowledged
 * the secrecy of CP art. 458ter §2 for this representation.
 */
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditLog, AuditRecipient, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { currentAcceptanceTime, versionToAccept } from '../undertakings/acceptance.js';
import type { UndertakingsRepository } from '../undertakings/undertakings.repository.js';
import type { Acceptance, Language } from '../undertakings/undertakings.rules.js';
import { toAcceptance } from '../undertakings/undertakings.service.js';
import { isActiveAt } from './activity.js';
import { refusable, refuse } from '../../kernel/refusal.js';
import type {
  BriefingRow,
  RepresentationRepository,
  RepresentationRow,
} from './representation.repository.js';
import {
  type Briefing,
  type BriefingRecord,
  BriefingSchema,
  type Debriefing,
  DebriefingSchema,
  RULE_AL2,
  RULE_AL3,
} from './representation.rules.js';
import { mayKnowOf } from './visibility.js';

export interface BriefingServiceDeps {
  db: Db;
  representations: RepresentationRepository;
  undertakings: UndertakingsRepository;
  audit: AuditLog;
  clock: Clock;
}

const BRIEFING_WHY =
  'briefing of the permanent representative before the case consultation (bill art. 5 al. 2)';
const DEBRIEFING_WHY =
  'debriefing of the represented persons after the case consultation (bill art. 5 al. 3)';
const SECRECY = { kind: 'consultation_secrecy', organisationId: null } as const;

function auditActor(actor: Actor, role = actor.roles[0] ?? 'none'): UserActor {
  return { userId: actor.userId, organisationId: actor.organisationId, role };
}

function toRecord(row: BriefingRow, recipientIds: string[]): BriefingRecord {
  return {
    id: row.id,
    representationId: row.representation_id,
    kind: row.kind as BriefingRecord['kind'],
    consultationId: row.consultation_id,
    senderId: row.sender_id,
    recipientIds,
    contentSha256: row.content_sha256,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

export function createBriefingService(deps: BriefingServiceDeps) {
  const { db, representations, undertakings, audit, clock } = deps;

  async function representationOrFail(tx: Tx, representationId: string): Promise<RepresentationRow> {
    refuseIfAny(shapeIssues(IdSchema, representationId, 'params/representationId'));
    const row = await representations.representation(tx, representationId);
    if (!row) throw new DomainError('not_found', { detail: 'No such representation' });
    return row;
  }

  async function isRepresented(tx: Tx, row: RepresentationRow, userId: string): Promise<boolean> {
    const [person] = await representations.parties(tx, [userId]);
    return (
      person?.active === true && (await representations.representedPersonIds(tx, row.id)).includes(userId)
    );
  }

  return {
    /** ROL-05: a represented person passes information to an active representative. */
    recordBriefing(actor: Actor, representationId: string, input: Briefing): Promise<BriefingRecord> {
      return refusable(db, audit, async (tx) => {
        const row = await representationOrFail(tx, representationId);
        const [representative] = await representations.parties(tx, [row.representative_id]);
        const recipients: AuditRecipient[] = [
          { organisationId: representative!.organisation_id, userId: row.representative_id },
        ];
        const denied = (reason: string, detail: string, code: 'forbidden' | 'not_found' = 'forbidden') =>
          refuse(code, RULE_AL2, detail, {
            actor: auditActor(actor),
            action: 'disclose',
            outcome: 'denied',
            records: [{ type: 'representation', id: row.id }],
            justification: BRIEFING_WHY,
            recipients,
            reason,
          });
        if (!(await isRepresented(tx, row, actor.userId)))
          (await mayKnowOf(tx, representations, actor, row))
            ? denied('not_represented', 'Only a represented person briefs the representative')
            : denied('not_represented', 'No such representation', 'not_found');
        if (!(await isActiveAt(tx, deps, row, clock.now())))
          denied(
            'representation_inactive',
            'The representation is not active: expired, ended or undertaking not accepted',
          );
        refuseIfAny(shapeIssues(BriefingSchema, input));
        const briefing = await representations.insertBriefing(
          tx,
          {
            representation_id: row.id,
            kind: 'briefing',
            consultation_id: input.consultationId,
            sender_id: actor.userId,
            content_sha256: input.contentSha256 ?? null,
            recorded_at: clock.now(),
          },
          [row.representative_id],
        );
        await audit.record(tx, {
          actor: auditActor(actor),
          action: 'disclose',
          outcome: 'success',
          records: [
            { type: 'representation', id: row.id },
            { type: 'consultation', id: input.consultationId },
            { type: 'briefing', id: briefing.id },
          ],
          justification: BRIEFING_WHY,
          recipients,
        });
        return toRecord(briefing, [row.representative_id]);
      });
    },

    /** ROL-06: a represented person acknowledges CP art. 458ter §2 before any debrief reaches them. */
    acknowledgeDebriefSecrecy(
      actor: Actor,
      representationId: string,
      versionId: string,
      language: Language,
    ): Promise<Acceptance> {
      return refusable(db, audit, async (tx) => {
        const row = await representationOrFail(tx, representationId);
        if (!(await isRepresented(tx, row, actor.userId))) {
          refuse('not_found', RULE_AL3, 'No such representation', {
            actor: auditActor(actor),
            action: 'auth.undertaking_accepted',
            outcome: 'denied',
            records: [{ type: 'representation', id: row.id }],
            reason: 'not_represented',
          });
        }
        await versionToAccept(tx, undertakings, versionId, language, SECRECY);
        const accepted = await undertakings.insertAcceptance(tx, {
          version_id: versionId,
          user_id: actor.userId,
          language,
          representation_id: row.id,
          accepted_at: clock.now(),
        });
        await audit.record(tx, {
          actor: auditActor(actor),
          action: 'auth.undertaking_accepted',
          outcome: 'success',
          records: [
            { type: 'undertaking_version', id: versionId },
            { type: 'undertaking_kind', id: SECRECY.kind },
            { type: 'language', id: language },
            { type: 'representation', id: row.id },
          ],
        });
        return toAcceptance(accepted);
      });
    },

    /**
     * ROL-06: the representative debriefs represented persons only, each of whom acknowledged
     * the current art. 458ter §2 text for this representation; otherwise nothing is recorded but
     * the denial.
     */
    recordDebriefing(actor: Actor, representationId: string, input: Debriefing): Promise<BriefingRecord> {
      return refusable(db, audit, async (tx) => {
        const row = await representationOrFail(tx, representationId);
        const asRepresentative = { ...auditActor(actor, 'representative'), representing: row.authority_id };
        const denied = (
          reason: string,
          detail: string,
          recipients: AuditRecipient[],
          code: 'forbidden' | 'not_found' = 'forbidden',
        ) =>
          refuse(code, RULE_AL3, detail, {
            actor: asRepresentative,
            action: 'disclose',
            outcome: 'denied',
            records: [{ type: 'representation', id: row.id }],
            justification: DEBRIEFING_WHY,
            recipients,
            reason,
          });
        const authority: AuditRecipient[] = [{ organisationId: row.authority_id }];
        if (row.representative_id !== actor.userId)
          (await mayKnowOf(tx, representations, actor, row))
            ? denied('not_the_representative', 'Only the permanent representative debriefs', authority)
            : denied('not_the_representative', 'No such representation', authority, 'not_found');
        if (!(await isActiveAt(tx, deps, row, clock.now())))
          denied('representation_inactive', 'The representation is not active', authority);
        refuseIfAny(shapeIssues(DebriefingSchema, input));
        const represented = new Set(await representations.representedPersonIds(tx, row.id));
        const parties = new Map(
          (await representations.parties(tx, input.recipientIds)).map((party) => [party.id, party]),
        );
        const recipients = input.recipientIds.map((userId) => ({
          organisationId: parties.get(userId)?.organisation_id ?? row.authority_id,
          userId,
        }));
        for (const userId of input.recipientIds) {
          if (!represented.has(userId) || parties.get(userId)?.active !== true)
            denied('recipient_not_represented', 'A debrief reaches only the persons represented', recipients);
          if ((await currentAcceptanceTime(tx, undertakings, userId, SECRECY, row.id)) === null)
            denied(
              'secrecy_not_acknowledged',
              'Each recipient first acknowledges the secrecy of CP art. 458ter §2',
              recipients,
            );
        }
        const debriefing = await representations.insertBriefing(
          tx,
          {
            representation_id: row.id,
            kind: 'debriefing',
            consultation_id: input.consultationId,
            sender_id: actor.userId,
            content_sha256: input.contentSha256 ?? null,
            recorded_at: clock.now(),
          },
          input.recipientIds,
        );
        await audit.record(tx, {
          actor: asRepresentative,
          action: 'disclose',
          outcome: 'success',
          records: [
            { type: 'representation', id: row.id },
            { type: 'consultation', id: input.consultationId },
            { type: 'debriefing', id: debriefing.id },
          ],
          justification: DEBRIEFING_WHY,
          recipients,
        });
        return toRecord(debriefing, [...input.recipientIds]);
      });
    },
  };
}

export type BriefingService = ReturnType<typeof createBriefingService>;
