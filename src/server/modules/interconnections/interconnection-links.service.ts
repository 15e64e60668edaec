/**
 * Links of a case to a file of a connected system (SPEC INT-02, INT-03; bill Comm. art. 2: "pour
 * que les services de police ne doivent pas recopier ces informations à la main"). A member with a
 * case role of the interconnection's owner, who may contribute to the case for it (SPEC ROL-09),
 * links the case to the file's reference, names the persons what arrives is about, confirms it lies
 * within the organisation's legal mission (SCO-06) and says why categories 9 to 16 are relevant
 * (PUR-04). Linking is a human, deliberate matching of two files: it is audited as `match`; no
 * person is ever matched across cases. Each use case is one transaction with its audit event.
 */
import { randomUUID } from 'node:crypto';
import {
  type FieldMapping,
  type InterconnectionLink,
  type InterconnectionLinkList,
  type LinkCase,
  LinkCaseSchema,
} from '../../../contracts/interconnections.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { refusable } from '../../kernel/refusal.js';
import { decide } from '../access/decide.js';
import { INTERCONNECTION_RULE, interconnectionState } from '../access/interconnection-admission.js';
import { type CaseDeps, caseOpener, type OpenCase } from '../cases/open-case.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { LINK_FIELDS, presentLink, standingOf } from './interconnection-presenter.js';
import { LINK_RULE, linkIssues, mappedCategories } from './interconnection-rules.js';
import type { InterconnectionsRepository, LinkRow } from './interconnections.repository.js';
import type { ReferenceIndex } from './reference-index.js';

export interface InterconnectionLinkServiceDeps extends CaseDeps {
  interconnections: InterconnectionsRepository;
  referenceIndex: ReferenceIndex;
}

const linkRef = (id: string) => ({ type: 'interconnection_link', id });

/** PostgreSQL's unique violation, here the one open link per file (migration 0033). */
const isDuplicateLink = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'interconnection_links_open_idx';

export function createInterconnectionLinkService(deps: InterconnectionLinkServiceDeps) {
  const { db, cases, records, interconnections, access, audit, clock } = deps;
  const openCase = caseOpener(deps);

  async function present(tx: Tx, open: OpenCase, rows: readonly LinkRow[]): Promise<InterconnectionLink[]> {
    const ids = [...new Set(rows.map((row) => row.interconnection_id))];
    const linkIds = rows.map((row) => row.id);
    const [registered, parties, persons, delivered, organisations, userNames] = await Promise.all([
      Promise.all(ids.map((id) => interconnections.byId(tx, id))),
      interconnections.partiesOf(tx, ids),
      interconnections.linkPersons(tx, linkIds),
      interconnections.deliveredItems(tx, linkIds),
      cases.organisations(
        tx,
        rows.map((row) => row.organisation_id),
      ),
      cases.userNames(
        tx,
        rows.flatMap((row) => [row.linked_by, ...(row.ended_by ? [row.ended_by] : [])]),
      ),
    ]);
    const summaries = new Map(
      registered.flatMap((row) =>
        row
          ? [
              [
                row.id,
                {
                  id: row.id,
                  name: row.name,
                  state: interconnectionState(
                    standingOf(
                      row,
                      parties.filter((p) => p.interconnection_id === row.id),
                    ),
                  ),
                },
              ] as const,
            ]
          : [],
      ),
    );
    const context = {
      cipher: open.cipher,
      interconnections: summaries,
      persons,
      deliveredItems: delivered,
      organisationNames: new Map(organisations.map((o) => [o.id, o.legal_name])),
      userNames,
      actionsOf: (row: LinkRow): InterconnectionLink['allowedActions'] =>
        row.ended_at === null &&
        decide(open.context.facts, {
          action: 'case.contribute',
          kase: open.facts,
          owner: row.organisation_id,
        }).allowed
          ? ['end']
          : [],
    };
    return Promise.all(rows.map((row) => presentLink(row, context)));
  }

  return {
    /** The links of the case, open and ended, for those who see the case (as its items' sources). */
    listLinks(actor: Actor, caseId: string): Promise<InterconnectionLinkList> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.view', 'consult');
        const rows = await interconnections.linksOfCase(tx, caseId);
        const links = await present(tx, open, rows);
        await audit.record(tx, {
          actor: open.who,
          action: 'consult',
          outcome: 'success',
          caseId,
          records: [{ type: 'case', id: caseId }, ...rows.map((row) => linkRef(row.id))],
          justification: actor.justification!,
          reason: 'interconnection_links',
        });
        return { links };
      });
    },

    /** INT-02: a member of the owner links the case to a file of the connected system. */
    linkCase(actor: Actor, caseId: string, input: LinkCase): Promise<InterconnectionLink> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'match');
        refuseIfAny(shapeIssues(LinkCaseSchema, input), LINK_RULE);
        const row = await interconnections.byId(tx, input.interconnectionId);
        if (!row) {
          refuseIfAny(
            [{ field: '/body/interconnectionId', message: 'is not a registered interconnection' }],
            LINK_RULE,
          );
        }
        const interconnection = row!;
        // FIL-02: what arrives becomes the owner's items; only the owner's members link.
        access.require(
          open.context,
          { action: 'case.contribute', kase: open.facts, owner: interconnection.owner_organisation_id },
          'match',
          caseId,
        );
        const parties = await interconnections.partiesOf(tx, [interconnection.id]);
        const state = interconnectionState(standingOf(interconnection, parties));
        if (state !== 'active') {
          throw new DomainError('conflict', {
            detail: `The interconnection is not active (${state.replaceAll('_', ' ')})`,
            rule: INTERCONNECTION_RULE,
          });
        }
        if (interconnection.framework_id !== open.row.framework_id) {
          refuseIfAny(
            [{ field: '/body/interconnectionId', message: "serves another framework than this case's" }],
            LINK_RULE,
          );
        }
        const [persons, [owner]] = await Promise.all([
          records.personsOf(tx, caseId, open.sharedOnly),
          cases.organisations(tx, [interconnection.owner_organisation_id]),
        ]);
        refuseIfAny(
          linkIssues(input, {
            persons: new Set(persons.map((person) => person.id)),
            categories: mappedCategories(interconnection.field_mapping as FieldMapping[]),
            policeOwner: owner?.kind === 'police_service',
          }),
          LINK_RULE,
        );
        const id = randomUUID();
        let link: LinkRow;
        try {
          link = await interconnections.insertLink(tx, {
            id,
            interconnection_id: interconnection.id,
            case_id: caseId,
            organisation_id: interconnection.owner_organisation_id,
            reference_index: await deps.referenceIndex(interconnection.id, input.reference),
            reference: await open.cipher.encrypt(...LINK_FIELDS.reference(id), input.reference.trim()),
            relevance: input.relevance
              ? await open.cipher.encrypt(...LINK_FIELDS.relevance(id), input.relevance.trim())
              : null,
            police_mission: input.policeMission ?? null,
            linked_by: actor.userId,
            linked_at: clock.now(),
          });
        } catch (error) {
          if (!isDuplicateLink(error)) throw error;
          throw new DomainError('conflict', {
            detail: 'This file of the connected system is linked to a case already: end that link first',
            rule: LINK_RULE,
          });
        }
        await interconnections.insertLinkPersons(tx, id, input.personIds);
        await audit.record(tx, {
          actor: open.who,
          action: 'match',
          outcome: 'success',
          caseId,
          records: [
            linkRef(id),
            { type: 'interconnection', id: interconnection.id },
            ...input.personIds.map((personId) => ({ type: 'person', id: personId, category: 1 })),
          ],
          reason: 'interconnection_linked',
        });
        const [presented] = await present(tx, open, [link]);
        return presented!;
      });
    },

    /** The owner's member ends a link: deliveries naming the file are refused from then on. */
    endLink(actor: Actor, caseId: string, linkId: string): Promise<InterconnectionLink> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'match');
        refuseIfAny(shapeIssues(IdSchema, linkId, 'params/linkId'));
        const seen = await interconnections.linkById(tx, caseId, linkId);
        if (!seen) throw new DomainError('not_found', { detail: 'No such link' });
        access.require(
          open.context,
          { action: 'case.contribute', kase: open.facts, owner: seen.organisation_id },
          'match',
          caseId,
        );
        // Read again under the lock: a concurrent end has committed by now.
        const link = (await interconnections.linkForUpdate(tx, linkId))!;
        if (link.ended_at !== null) {
          throw new DomainError('conflict', { detail: 'The link was ended already', rule: LINK_RULE });
        }
        const ended = await interconnections.updateLink(tx, linkId, {
          ended_by: actor.userId,
          ended_at: clock.now(),
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'match',
          outcome: 'success',
          caseId,
          records: [linkRef(linkId), { type: 'interconnection', id: link.interconnection_id }],
          reason: 'interconnection_link_ended',
        });
        const [presented] = await present(tx, open, [ended]);
        return presented!;
      });
    },
  };
}

export type InterconnectionLinkService = ReturnType<typeof createInterconnectionLinkService>;
