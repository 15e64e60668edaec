/**
 * A delivery from a connected system (SPEC INT-01..03; bill Comm. art. 2; L1992 art. 21; ADR 0017):
 * the first version of an exchange carries information from the connected system (e.g. Focus) into
 * the case linked to the file it names, as items of the interconnection's owner (FIL-02), so that
 * the police need not copy it by hand. One transaction, in this order:
 *
 * 1. the interconnection is locked and must be registered, approved by every party, switched off
 *    by none and not retired, else 403 and a security event (audit, alert to the parties' DPOs);
 * 2. the request must be signed by the registered key, fresh, and not replayed, else 401/409;
 * 3. from here the sender is known and every request is logged in the exchange log, accepted or
 *    refused: beyond its rate limit 429; a bad body 400; no open link for the reference 404;
 * 4. the case is opened as the member who linked it, for the owner (`case.contribute`, decide.ts):
 *    the delivery carries out that member's standing instruction, and stops when they may no more;
 * 5. only mapped fields become items, each in its mapped category and checked by the same rules as
 *    an item entered by hand; any other field is dropped and its name logged (never its value);
 *    a person identifier is matched within the linked case only, and only under a registered
 *    matching rule (INT-03), as a `match` event;
 * 6. the items, the exchange line and the audit events (with the interconnection as the channel)
 *    commit together, or nothing does.
 */
import {
  type Delivery,
  type DeliveryReceipt,
  DeliverySchema,
  type FieldMapping,
} from '../../../contracts/interconnections.js';
import type { CreateItem } from '../../../contracts/items.js';
import type { UserRole } from '../../../contracts/identity.js';
import type { Tx } from '../../db/database.js';
import type { AuditEvent, AuditRecordRef, SystemActor } from '../../kernel/audit/index.js';
import type { BlindIndex } from '../../kernel/crypto/blind-index.js';
import { DomainError, type ErrorCode, type FieldIssue } from '../../kernel/errors.js';
import { refusable, type RefusalFollowUp, refuseWith } from '../../kernel/refusal.js';
import { admissionRefusal, INTERCONNECTION_RULE } from '../access/interconnection-admission.js';
import { decreeIssuesOf, itemFactsOf, writeNewItem } from '../cases/collect-item.js';
import { itemIssues, needsRelevance } from '../cases/item-rules.js';
import { type CaseDeps, caseOpener } from '../cases/open-case.js';
import { shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import { LINK_FIELDS, standingOf } from './interconnection-presenter.js';
import {
  countByCategory,
  freshTimestamp,
  LINK_RULE,
  type MappedField,
  MATCHING_RULE,
  mapDelivery,
  RATE_WINDOW_MS,
} from './interconnection-rules.js';
import type { InterconnectionsRepository, LinkRow, PartyRow } from './interconnections.repository.js';
import type { ReferenceIndex } from './reference-index.js';
import { verifySignature } from './request-signature.js';

export interface InterconnectionExchangeDeps extends CaseDeps {
  interconnections: InterconnectionsRepository;
  notifications: NotificationsRepository;
  referenceIndex: ReferenceIndex;
  blindIndex: BlindIndex;
}

/** A request as it reached the delivery endpoint, before anything was believed of it. */
export interface InboundDelivery {
  interconnectionId: string;
  method: string;
  /** The request target as sent (path and query): it is signed. */
  path: string;
  headers: { timestamp?: string; nonce?: string; signature?: string };
  /** The body's bytes as sent: the signature covers them. */
  rawBody: string;
  /** The body parsed as JSON, not yet validated. */
  body: unknown;
}

/**
 * One delivery writes at most this many items: each is an audited record of its own, and one
 * audit event lists them all (kernel/audit LIMITS). A technical bound, not a legal one.
 */
export const MAX_ITEMS_PER_DELIVERY = 200;

/** The connected system acts through no user before it is authenticated: the gateway refuses it. */
const GATEWAY: SystemActor = { system: 'interconnections' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SENT_BY = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,63}$/;

export function createInterconnectionExchangeService(deps: InterconnectionExchangeDeps) {
  const { db, records, interconnections, notifications, audit, clock, blindIndex } = deps;
  const openCase = caseOpener(deps);

  /** The security event of a refused request: the gateway's denial, naming the interconnection. */
  const refusedEvent = (id: string, reason: string): AuditEvent => ({
    actor: GATEWAY,
    action: 'system.interconnection_refused',
    outcome: 'denied',
    ...(UUID.test(id) && { records: [{ type: 'interconnection', id }] }),
    reason,
  });

  /** SEC-07-style alert: each party's DPO learns that its interconnection was refused a request. */
  const alertParties =
    (id: string, parties: readonly PartyRow[]): RefusalFollowUp =>
    (tx) =>
      notifications.notify(
        tx,
        clock.now(),
        parties.map((party) => ({
          organisationId: party.organisation_id,
          kind: 'interconnection_refused',
          audience: 'dpo',
          subjectId: id,
        })),
      );

  return {
    receiveDelivery(request: InboundDelivery): Promise<DeliveryReceipt> {
      return refusable(db, audit, async (tx) => {
        const id = request.interconnectionId;
        const now = clock.now();
        const refuse = (code: ErrorCode, reason: string, detail: string, followUp?: RefusalFollowUp): never =>
          refuseWith(
            new DomainError(code, { detail, rule: INTERCONNECTION_RULE }),
            refusedEvent(id, reason),
            followUp,
          );

        // 1. INT-01: registered, approved by every party, switched off by none, not retired.
        const row = UUID.test(id) ? await interconnections.forUpdate(tx, id) : undefined;
        const parties = row ? await interconnections.partiesOf(tx, [id]) : [];
        const admission = admissionRefusal(row && standingOf(row, parties));
        if (admission) {
          return refuse(
            'forbidden',
            admission,
            'This interconnection may not exchange data',
            row && alertParties(id, parties),
          );
        }
        const interconnection = row!;
        const alert = alertParties(id, parties);

        // 2. INT-02 mutual authentication: the registered key's signature, fresh, once.
        const { timestamp, nonce, signature } = request.headers;
        if (!timestamp || !nonce || !signature || !UUID.test(nonce)) {
          return refuse('unauthenticated', 'unsigned_request', 'The request is not signed', alert);
        }
        if (!freshTimestamp(timestamp, now)) {
          return refuse('unauthenticated', 'stale_request', 'The request was not signed now', alert);
        }
        const parts = { method: request.method, path: request.path, timestamp, nonce, body: request.rawBody };
        if (!verifySignature(interconnection.public_key, parts, signature)) {
          return refuse(
            'unauthenticated',
            'bad_signature',
            'The signature is not the registered key’s',
            alert,
          );
        }
        if (await interconnections.nonceUsed(tx, id, nonce)) {
          return refuse('conflict', 'replayed_request', 'This request was received already', alert);
        }

        // 3. From here every request is a line of the exchange log, accepted or refused.
        const body = request.body as Partial<Delivery> | undefined;
        const sentBy =
          typeof body?.sentBy === 'string' && SENT_BY.test(body.sentBy) ? body.sentBy : 'unknown';
        const logRefusal =
          (reason: string, link?: LinkRow): RefusalFollowUp =>
          async (logTx) => {
            await interconnections.insertExchange(logTx, {
              interconnection_id: id,
              received_at: now,
              nonce,
              sent_by: sentBy,
              outcome: 'refused',
              reason,
              case_id: link?.case_id ?? null,
              link_id: link?.id ?? null,
            });
          };
        const refuseLogged = (error: DomainError, reason: string, link?: LinkRow): never =>
          refuseWith(error, refusedEvent(id, reason), logRefusal(reason, link));

        const received = await interconnections.receivedSince(
          tx,
          id,
          new Date(now.getTime() - RATE_WINDOW_MS),
        );
        if (received >= interconnection.rate_limit_per_minute) {
          return refuseLogged(
            new DomainError('rate_limited', {
              detail: `At most ${interconnection.rate_limit_per_minute} deliveries a minute are accepted`,
              rule: INTERCONNECTION_RULE,
              retryAfterSeconds: RATE_WINDOW_MS / 1000,
            }),
            'rate_limited',
          );
        }
        const invalid = (fields: FieldIssue[], rule: string, reason: string, link?: LinkRow): never =>
          refuseLogged(
            new DomainError('validation_failed', { detail: 'The delivery is invalid', fields, rule }),
            reason,
            link,
          );
        const shape = shapeIssues(DeliverySchema, request.body);
        if (shape.length > 0) return invalid(shape, INTERCONNECTION_RULE, 'invalid_delivery');
        const delivery = request.body as Delivery;

        // The link of a case to the file named, among this interconnection's open links only.
        await interconnections.actForInterconnection(tx, id);
        const link = await interconnections.openLinkByIndex(
          tx,
          id,
          await deps.referenceIndex(id, delivery.reference),
        );
        if (!link) {
          return refuseLogged(
            new DomainError('not_found', { detail: 'No case is linked to this reference', rule: LINK_RULE }),
            'no_link',
          );
        }
        const linker = await interconnections.linkingUser(tx, link.linked_by);
        if (!linker?.active) {
          return refuseLogged(
            new DomainError('forbidden', {
              detail: 'The member who linked the case is no longer active',
              rule: LINK_RULE,
            }),
            'link_holder_inactive',
            link,
          );
        }

        // 4. The member's standing instruction: what it may add to the case, for the owner.
        const actor: Actor = {
          userId: linker.id,
          organisationId: linker.organisation_id,
          roles: linker.roles as UserRole[],
        };
        const open = await openCase(tx, actor, link.case_id, 'case.contribute', 'collect', {
          owner: interconnection.owner_organisation_id,
          followUp: logRefusal('case_refused', link),
        });
        const who = { ...open.who, interconnection: id };

        // 5. Only mapped fields; persons only under the registered matching rule.
        const matching = interconnection.person_matching !== 'off';
        const mapped = mapDelivery(interconnection.field_mapping as FieldMapping[], delivery, matching);
        if (mapped.kept.length > MAX_ITEMS_PER_DELIVERY) {
          return invalid(
            [
              {
                field: '/body/records',
                message: `carry at most ${MAX_ITEMS_PER_DELIVERY} mapped fields in one delivery`,
              },
            ],
            INTERCONNECTION_RULE,
            'invalid_delivery',
            link,
          );
        }
        const [linkPersons, facts] = await Promise.all([
          interconnections.linkPersons(tx, [link.id]),
          itemFactsOf(tx, deps, open),
        ]);
        const { matches, issues } = matching
          ? await matchPersons(tx, open.row.id, open.sharedOnly, delivery)
          : { matches: new Map<number, string>(), issues: [] };
        const relevance =
          link.relevance === null
            ? undefined
            : await open.cipher.decryptText(...LINK_FIELDS.relevance(link.id), link.relevance);
        const inputs = mapped.kept.map(
          (field): CreateItem => ({
            category: field.category,
            personIds: matches.has(field.record)
              ? [matches.get(field.record)!]
              : (linkPersons.get(link.id) ?? []),
            content: field.value,
            classification: 'non_classified',
            ...(needsRelevance(field.category) && relevance !== undefined && { relevance }),
            ...(link.police_mission && { policeMission: link.police_mission }),
            provenance: {
              kind: 'already_held',
              sourceReference: delivery.records[field.record]!.sourceReference ?? delivery.reference,
            },
            missionConfirmed: true,
          }),
        );
        for (const [index, input] of inputs.entries()) {
          const field = mapped.kept[index]!;
          const found = [...itemIssues(input, facts), ...(await decreeIssuesOf(tx, deps, open, input))];
          issues.push(
            ...found.map((issue) => ({
              field: `/body/records/${field.record}/fields/${field.field}`,
              message: `${issue.field.replace('/body/', '')} ${issue.message}`,
            })),
          );
        }
        if (issues.length > 0) return invalid(issues, LINK_RULE, 'invalid_delivery', link);

        // 6. The owner's items, the exchange line and the audit events, together.
        const written: { field: MappedField; itemId: string }[] = [];
        for (const [index, input] of inputs.entries()) {
          const item = await writeNewItem(tx, deps, open, input, {
            userId: linker.id,
            at: now,
            controller: facts.controller,
          });
          written.push({ field: mapped.kept[index]!, itemId: item.id });
        }
        const droppedNames = [...new Set(mapped.dropped.map((drop) => drop.field))].sort();
        const exchange = await interconnections.insertExchange(tx, {
          interconnection_id: id,
          received_at: now,
          nonce,
          sent_by: delivery.sentBy,
          outcome: 'accepted',
          reason: null,
          case_id: link.case_id,
          link_id: link.id,
          records: delivery.records.length,
          items: written.length,
          categories: JSON.stringify(countByCategory(mapped.kept)),
          dropped_fields: droppedNames,
          matched_persons: new Set(matches.values()).size,
        });
        const exchangeRef: AuditRecordRef = { type: 'interconnection_exchange', id: exchange.id };
        await audit.recordMany(tx, [
          ...(matching && matches.size > 0
            ? [
                {
                  actor: who,
                  action: 'match' as const,
                  outcome: 'success' as const,
                  caseId: link.case_id,
                  records: [
                    exchangeRef,
                    ...[...new Set(matches.values())].map((personId) => ({
                      type: 'person',
                      id: personId,
                      category: 1,
                    })),
                  ],
                  reason: 'interconnection_person_match',
                },
              ]
            : []),
          {
            actor: who,
            action: 'collect',
            outcome: 'success',
            caseId: link.case_id,
            records: [
              exchangeRef,
              ...written.map(({ field, itemId }) => ({
                type: 'item',
                id: itemId,
                category: Number(field.category.slice(1)),
              })),
            ],
            reason: 'interconnection_delivery',
          },
          // INT-02: a field not in the mapping is dropped, and its name logged.
          ...(droppedNames.length > 0
            ? [
                {
                  actor: who,
                  action: 'collect' as const,
                  outcome: 'denied' as const,
                  caseId: link.case_id,
                  records: [
                    exchangeRef,
                    ...droppedNames.map((name) => ({ type: 'unmapped_field', id: name })),
                  ],
                  reason: 'field_not_mapped',
                },
              ]
            : []),
        ]);
        return {
          exchangeId: exchange.id,
          receivedAt: now.toISOString(),
          items: written.map(({ field, itemId }) => ({
            record: field.record,
            field: field.field,
            itemId,
            category: field.category,
          })),
          dropped: mapped.dropped,
        };
      });
    },
  };

  /**
   * INT-03, under a registered rule only: the person of the linked case whose national register
   * number's blind index equals the one sent, never a person of another case.
   */
  async function matchPersons(
    tx: Tx,
    caseId: string,
    sharedOnly: boolean,
    delivery: Delivery,
  ): Promise<{ matches: Map<number, string>; issues: FieldIssue[] }> {
    const persons = await records.personsOf(tx, caseId, sharedOnly);
    const matches = new Map<number, string>();
    const issues: FieldIssue[] = [];
    for (const [index, record] of delivery.records.entries()) {
      if (!record.person) continue;
      const field = `/body/records/${index}/person/nationalRegisterNumber`;
      let wanted: Buffer;
      try {
        wanted = await blindIndex.nrn(record.person.nationalRegisterNumber, field);
      } catch (error) {
        if (!(error instanceof DomainError) || !error.details.fields) throw error;
        issues.push(...error.details.fields);
        continue;
      }
      const found = persons.filter((person) => person.nrn_index?.equals(wanted));
      if (found.length === 1) matches.set(index, found[0]!.id);
      else
        issues.push({
          field: `/body/records/${index}/person`,
          message: `matches no single person of the linked case (${MATCHING_RULE})`,
        });
    }
    return { matches, issues };
  }
}

export type InterconnectionExchangeService = ReturnType<typeof createInterconnectionExchangeService>;
