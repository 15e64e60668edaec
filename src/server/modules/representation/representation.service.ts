/**
 * Permanent representatives (bill art. 5; SPEC ROL-04, ROL-05): an authority designates a
 * representative for a period and the persons represented; the representative accepts the
 * undertaking of art. 5 al. 2; the designation ends by itself after its period, or earlier
 * when the authority ends it. One transaction per use case (ARCHITECTURE §3.1).
 */
import { IdSchema, type OrganisationKind } from '../../../contracts/identity.js';
import { type Db, inTransaction, type Tx } from '../../db/database.js';
import type { AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, LEGAL_TIME_ZONE, parseCivilDate } from '../../kernel/legal-rules/index.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { versionToAccept } from '../undertakings/acceptance.js';
import type { UndertakingsRepository } from '../undertakings/undertakings.repository.js';
import type { Acceptance, Language } from '../undertakings/undertakings.rules.js';
import { toAcceptance } from '../undertakings/undertakings.service.js';
import { isActiveAt } from './activity.js';
import { refusable, refuse } from '../../kernel/refusal.js';
import type { RepresentationRepository, RepresentationRow } from './representation.repository.js';
import { representationView } from './representation-view.js';
import {
  DESIGNATING_ROLES,
  type Designation,
  DesignationSchema,
  REPRESENTABLE_KINDS,
  type Representation,
  RULE_AL1,
  RULE_AL2,
} from './representation.rules.js';
import { actsForAuthority, mayKnowOf } from './visibility.js';

export interface RepresentationServiceDeps {
  db: Db;
  representations: RepresentationRepository;
  undertakings: UndertakingsRepository;
  audit: AuditLog;
  clock: Clock;
}

function auditActor(actor: Actor, role = actor.roles[0] ?? 'none'): UserActor {
  return { userId: actor.userId, organisationId: actor.organisationId, role };
}

function dateIssue(value: string, field: string): FieldIssue[] {
  try {
    parseCivilDate(value);
    return [];
  } catch {
    return [{ field, message: 'is not a calendar date' }];
  }
}

export function createRepresentationService(deps: RepresentationServiceDeps) {
  const { db, representations, undertakings, audit, clock } = deps;

  const toRepresentation = (tx: Tx, row: RepresentationRow) =>
    representationView(tx, deps, row, clock.now());

  /** A member who acts for the authority `authorityId`, or the reason why not. */
  async function authorityMemberProblem(tx: Tx, actor: Actor, authorityId: string): Promise<string | null> {
    const [me] = await representations.parties(tx, [actor.userId]);
    if (!me?.active || me.organisation_id !== authorityId || me.organisation_id !== actor.organisationId)
      return 'not_authority_member';
    if (!me.roles.some((role) => DESIGNATING_ROLES.has(role))) return 'no_designating_role';
    return null;
  }

  async function designationIssues(tx: Tx, actor: Actor, input: Designation): Promise<FieldIssue[]> {
    const issues = [
      ...dateIssue(input.validFrom, '/body/validFrom'),
      ...dateIssue(input.validTo, '/body/validTo'),
    ];
    if (issues.length === 0 && input.validTo < input.validFrom)
      issues.push({ field: '/body/validTo', message: 'is before validFrom' });
    if (issues.length === 0 && input.validTo < brusselsDateOf(clock.now()))
      issues.push({ field: '/body/validTo', message: 'is in the past' });
    const parties = await representations.parties(tx, [
      input.representativeId,
      ...input.representedPersonIds,
    ]);
    const byId = new Map(parties.map((party) => [party.id, party]));
    const representative = byId.get(input.representativeId);
    if (
      !representative?.active ||
      !representative.roles.includes('representative') ||
      representative.id === actor.userId ||
      input.representedPersonIds.includes(representative.id)
    ) {
      issues.push({
        field: '/body/representativeId',
        message: 'is not an active user with the representative role',
      });
    }
    input.representedPersonIds.forEach((id, i) => {
      const person = byId.get(id);
      if (!person?.active || person.organisation_id !== actor.organisationId)
        issues.push({
          field: `/body/representedPersonIds/${i}`,
          message: 'is not an active member of the authority',
        });
    });
    return issues;
  }

  /** The representation, or 404. */
  async function representationOrFail(tx: Tx, representationId: string, forUpdate = false) {
    refuseIfAny(shapeIssues(IdSchema, representationId, 'params/representationId'));
    const row = forUpdate
      ? await representations.representationForUpdate(tx, representationId)
      : await representations.representation(tx, representationId);
    if (!row) throw new DomainError('not_found', { detail: 'No such representation' });
    return row;
  }

  return {
    /** The representations the actor holds or is represented by, and all of their authority's when they act for it. */
    listRepresentations(actor: Actor): Promise<Representation[]> {
      return inTransaction(db, async (tx) => {
        const [me] = await representations.parties(tx, [actor.userId]);
        const authorityId = actsForAuthority(me, actor, actor.organisationId) ? actor.organisationId : null;
        const rows = await representations.listFor(tx, actor.userId, authorityId);
        const views: Representation[] = [];
        for (const row of rows) views.push(await toRepresentation(tx, row));
        return views;
      });
    },

    /** One representation, for its parties only: to anyone else it does not exist (ARCHITECTURE §3.7). */
    getRepresentation(actor: Actor, representationId: string): Promise<Representation> {
      return refusable(db, audit, async (tx) => {
        const row = await representationOrFail(tx, representationId);
        if (!(await mayKnowOf(tx, representations, actor, row))) {
          refuse('not_found', RULE_AL1, 'No such representation', {
            actor: auditActor(actor),
            action: 'admin.representation_viewed',
            outcome: 'denied',
            records: [{ type: 'representation', id: row.id }],
            reason: 'not_a_party',
          });
        }
        return toRepresentation(tx, row);
      });
    },

    /** ROL-04: the actor's own authority designates; the record holds persons, authority and period. */
    designateRepresentative(actor: Actor, input: Designation): Promise<Representation> {
      return refusable(db, audit, async (tx) => {
        const denied = (reason: string, detail: string) =>
          refuse('forbidden', RULE_AL1, detail, {
            actor: auditActor(actor),
            action: 'admin.representation_designated',
            outcome: 'denied',
            reason,
          });
        const problem = await authorityMemberProblem(tx, actor, actor.organisationId);
        if (problem) denied(problem, 'Only a member of the authority designates its representative');
        const kind = await representations.organisationKind(tx, actor.organisationId);
        if (!REPRESENTABLE_KINDS.has(kind as OrganisationKind))
          denied(
            'authority_not_representable',
            'This organisation cannot be represented by a permanent representative',
          );
        refuseIfAny(shapeIssues(DesignationSchema, input));
        refuseIfAny(await designationIssues(tx, actor, input), RULE_AL1);
        const row = await representations.insertRepresentation(tx, {
          authority_id: actor.organisationId,
          representative_id: input.representativeId,
          designated_by: actor.userId,
          designated_at: clock.now(),
          valid_from: input.validFrom,
          valid_to: input.validTo,
        });
        await representations.insertRepresentedPersons(tx, row.id, input.representedPersonIds);
        await audit.record(tx, {
          actor: auditActor(actor),
          action: 'admin.representation_designated',
          outcome: 'success',
          records: [
            { type: 'representation', id: row.id },
            { type: 'representative', id: row.representative_id },
            ...input.representedPersonIds.map((id) => ({ type: 'represented_person', id })),
          ],
        });
        return toRepresentation(tx, row);
      });
    },

    /** The authority ends a designation before its term (ROL-04). */
    endRepresentation(actor: Actor, representationId: string): Promise<Representation> {
      return refusable(db, audit, async (tx) => {
        const row = await representationOrFail(tx, representationId, true);
        const problem = await authorityMemberProblem(tx, actor, row.authority_id);
        if (problem) {
          refuse('not_found', RULE_AL1, 'No such representation', {
            actor: auditActor(actor),
            action: 'admin.representation_ended',
            outcome: 'denied',
            records: [{ type: 'representation', id: row.id }],
            reason: problem,
          });
        }
        const now = clock.now();
        if (row.ended_at !== null || row.valid_to < brusselsDateOf(now))
          throw new DomainError('conflict', {
            detail: 'The representation has already ended',
            rule: RULE_AL1,
          });
        const ended = await representations.endRepresentation(tx, row.id, now, actor.userId);
        await audit.record(tx, {
          actor: auditActor(actor),
          action: 'admin.representation_ended',
          outcome: 'success',
          records: [{ type: 'representation', id: row.id }],
        });
        return toRepresentation(tx, ended);
      });
    },

    /** ROL-05: the representative accepts the four obligations of art. 5 al. 2, per representation. */
    acceptRepresentativeUndertaking(
      actor: Actor,
      representationId: string,
      versionId: string,
      language: Language,
    ): Promise<Acceptance> {
      return refusable(db, audit, async (tx) => {
        const row = await representationOrFail(tx, representationId);
        if (row.representative_id !== actor.userId) {
          refuse('not_found', RULE_AL2, 'No such representation', {
            actor: auditActor(actor),
            action: 'auth.undertaking_accepted',
            outcome: 'denied',
            records: [{ type: 'representation', id: row.id }],
            reason: 'not_the_representative',
          });
        }
        const now = clock.now();
        if (row.ended_at !== null || row.valid_to < brusselsDateOf(now))
          throw new DomainError('conflict', { detail: 'The representation has ended', rule: RULE_AL2 });
        await versionToAccept(tx, undertakings, versionId, language, {
          kind: 'representative',
          organisationId: null,
        });
        const accepted = await undertakings.insertAcceptance(tx, {
          version_id: versionId,
          user_id: actor.userId,
          language,
          representation_id: row.id,
          accepted_at: now,
        });
        await audit.record(tx, {
          actor: { ...auditActor(actor, 'representative'), representing: row.authority_id },
          action: 'auth.undertaking_accepted',
          outcome: 'success',
          records: [
            { type: 'undertaking_version', id: versionId },
            { type: 'undertaking_kind', id: 'representative' },
            { type: 'language', id: language },
            { type: 'representation', id: row.id },
          ],
        });
        return toAcceptance(accepted);
      });
    },

    /**
     * ROL-04: the end of a period has effect by itself (`isRepresentationActive`); this run,
     * started by the job scheduler, writes that end down and audits it as a system event.
     */
    recordExpiredRepresentations(): Promise<string[]> {
      return inTransaction(db, async (tx) => {
        const today = brusselsDateOf(clock.now());
        const expired = await representations.expireBefore(tx, today, LEGAL_TIME_ZONE);
        await audit.recordMany(
          tx,
          expired.map((row) => ({
            actor: { system: 'representation_expiry' },
            action: 'system.representation_expired',
            outcome: 'success',
            records: [
              { type: 'representation', id: row.id },
              { type: 'organisation', id: row.authority_id },
            ],
          })),
        );
        return expired.map((row) => row.id);
      });
    },

    /** ROL-04/05: active within its period, not ended, with the current undertaking accepted. */
    isRepresentationActive(representationId: string, at: Date = clock.now()): Promise<boolean> {
      return inTransaction(db, async (tx) => {
        const row = await representationOrFail(tx, representationId);
        return isActiveAt(tx, deps, row, at);
      });
    },
  };
}

export type RepresentationService = ReturnType<typeof createRepresentationService>;
