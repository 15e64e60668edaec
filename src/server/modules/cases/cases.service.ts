/**
 * Cases as the access skeleton of issue 3: pre-register a case in one's own compartment
 * (SPEC WFL-01), list the cases one may see, open one. Each call is one transaction that
 * enters the access module first (decision + row-level security), then reads or writes, then
 * records its audit event; a refusal leaves only its denied event (issue 3 scope 7, 9).
 */
import { randomUUID } from 'node:crypto';
import { type Case, type CaseList, type CreateCase, CreateCaseSchema } from '../../../contracts/cases.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Envelope } from '../../kernel/crypto/envelope.js';
import { DomainError } from '../../kernel/errors.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type Allowed, auditActorOf } from '../access/access.service.js';
import type { CaseFacts } from '../access/case-audience.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { CaseRow, CasesRepository } from './cases.repository.js';

export interface CaseServiceDeps {
  db: Db;
  cases: CasesRepository;
  access: Access;
  audit: AuditLog;
  envelope: Envelope;
  clock: Clock;
}

/** The envelope scope of a case: shredding it ends the case's content (ARCHITECTURE §3.3). */
export const caseScope = (caseId: string): string => `case:${caseId}`;
const titleAad = (caseId: string) => ({ scope: caseScope(caseId), record: 'title', version: 1 });

/** Largest page of the case list. */
const LIST_LIMIT = 200;

export function createCaseService({ db, cases, access, audit, envelope, clock }: CaseServiceDeps) {
  async function toCase(tx: Tx, row: CaseRow, relation: Case['relation']): Promise<Case> {
    const title = await envelope.decrypt(tx, titleAad(row.id), row.title);
    return {
      id: row.id,
      state: row.state,
      title: title.toString('utf8'),
      relation,
      compartmentOrganisationId: row.compartment_organisation_id,
      reviewerOrganisationId: row.reviewer_organisation_id,
      organiserOrganisationId: row.organiser_organisation_id,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  function relationOf(decision: Allowed): Case['relation'] {
    const { relation } = decision;
    if (
      relation === 'compartment' ||
      relation === 'reviewer' ||
      relation === 'organiser' ||
      relation === 'participant'
    ) {
      return relation;
    }
    throw new DomainError('internal', { detail: `No case relation in ${relation}` });
  }

  return {
    /** SPEC WFL-01: a new case lives in the creator's compartment, invisible to everyone else. */
    createCase(actor: Actor, input: CreateCase): Promise<Case> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'case.create' }, 'collect');
        refuseIfAny(shapeIssues(CreateCaseSchema, input));
        if (!(await cases.isParticipantOrganisation(tx, input.organiserOrganisationId))) {
          throw new DomainError('validation_failed', {
            detail: 'The input is invalid',
            fields: [
              {
                field: '/body/organiserOrganisationId',
                message: 'must be an active participant organisation',
              },
            ],
          });
        }
        const id = randomUUID();
        const now = clock.now();
        const facts: CaseFacts = {
          id,
          state: 'pre_registered',
          compartmentOrganisationId: actor.organisationId,
          reviewerOrganisationId: null,
          organiserOrganisationId: input.organiserOrganisationId,
          participants: [],
        };
        // The audience first: row-level security lets the creator write the case's data key only then.
        await access.writeAudience(tx, facts, now);
        const row = await cases.insertCase(tx, {
          id,
          state: facts.state,
          compartment_organisation_id: facts.compartmentOrganisationId,
          reviewer_organisation_id: null,
          organiser_organisation_id: facts.organiserOrganisationId,
          title: await envelope.encrypt(tx, titleAad(id), input.title),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'collect',
          outcome: 'success',
          caseId: id,
          compartmentId: actor.organisationId,
          records: [{ type: 'case', id }],
        });
        return toCase(tx, row, 'compartment');
      });
    },

    /** The cases the actor's organisations are in the audience of (ARCHITECTURE §3.2). */
    listCases(actor: Actor): Promise<CaseList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'case.list' }, 'consult');
        const rows = await cases.casesOf(tx, context.acting, LIST_LIMIT);
        const list = await Promise.all(rows.map((row) => toCase(tx, row, row.relation as Case['relation'])));
        if (list.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(context, decision),
            action: 'consult',
            outcome: 'success',
            records: list.map((kase) => ({ type: 'case', id: kase.id })),
            justification: 'case list of the organisations acted for',
          });
        }
        return { cases: list };
      });
    },

    /** One case, to its audience only; anyone else learns nothing, not even that it exists. */
    viewCase(actor: Actor, caseId: string): Promise<Case> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(IdSchema, caseId, 'params/caseId'));
        const context = await access.enter(tx, actor);
        const facts = await access.caseFacts(tx, caseId);
        const decision = access.require(context, { action: 'case.view', kase: facts }, 'consult', caseId);
        const row = await cases.caseById(tx, caseId);
        // Row-level security hid what the rules allowed: the two nets disagree, which is a defect.
        if (!row)
          throw new DomainError('internal', { detail: 'Row-level security and access.decide disagree' });
        const kase = await toCase(tx, row, relationOf(decision));
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'case', id: caseId }],
          justification: `${decision.relation} of the case`,
        });
        return kase;
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
