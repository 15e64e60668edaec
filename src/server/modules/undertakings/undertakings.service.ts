/**
 * The secrecy undertaking (CP art. 458ter §2, SPEC ROL-07) and each controller's awareness
 * module (L2007 art. 16 §2 3°, SEC-09): versioned texts in four languages, published by the
 * operator, accepted by users with version, language and time. One transaction per use case
 * (ARCHITECTURE §3.1): access decision, validation of the whole input, write, audit event.
 */
import { IdSchema } from '../../../contracts/identity.js';
import { type Db, inTransaction, type Tx } from '../../db/database.js';
import type { AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import { type Actor, canAdministerPlatform } from '../identity/platform-access.js';
import {
  type AcceptanceContext,
  acceptanceInputIssues,
  currentAcceptanceTime,
  versionToAccept,
} from './acceptance.js';
import type { AcceptanceRow, UndertakingsRepository, VersionRow } from './undertakings.repository.js';
import type { UndertakingStatus, UndertakingToAccept } from '../../../contracts/undertakings.js';
import {
  type Acceptance,
  DEFAULT_AWARENESS_INTERVAL_MS,
  LANGUAGES,
  type Language,
  LanguageSchema,
  type PublishUndertaking,
  PublishUndertakingSchema,
  type UndertakingKind,
  type UndertakingVersion,
} from './undertakings.rules.js';

export interface UndertakingServiceDeps {
  db: Db;
  undertakings: UndertakingsRepository;
  audit: AuditLog;
  clock: Clock;
  /** SEC-09: how long an awareness acknowledgement holds. */
  awarenessIntervalMs?: number;
}

const PLATFORM_RULE = 'ARCHITECTURE §3.6; bill art. 3 §1 al. 2';
const SECRECY: AcceptanceContext = { kind: 'consultation_secrecy', organisationId: null };
const REPRESENTATIVE: AcceptanceContext = { kind: 'representative', organisationId: null };

function auditActor(actor: Actor): UserActor {
  return { userId: actor.userId, organisationId: actor.organisationId, role: actor.roles[0] ?? 'none' };
}

export function toAcceptance(row: AcceptanceRow): Acceptance {
  return {
    versionId: row.version_id,
    userId: row.user_id,
    language: row.language as Language,
    representationId: row.representation_id,
    acceptedAt: new Date(row.accepted_at).toISOString(),
  };
}

export function createUndertakingService({
  db,
  undertakings,
  audit,
  clock,
  awarenessIntervalMs = DEFAULT_AWARENESS_INTERVAL_MS,
}: UndertakingServiceDeps) {
  async function toVersion(tx: Tx, row: VersionRow): Promise<UndertakingVersion> {
    const texts = await undertakings.textsOf(tx, row.id);
    const byLanguage = Object.fromEntries(texts.map((text) => [text.language, text.body]));
    return {
      id: row.id,
      kind: row.kind as UndertakingKind,
      organisationId: row.organisation_id,
      version: row.version,
      publishedAt: new Date(row.published_at).toISOString(),
      texts: { fr: byLanguage.fr!, nl: byLanguage.nl!, de: byLanguage.de!, en: byLanguage.en! },
    };
  }

  async function activeUserOrFail(tx: Tx, userId: string) {
    refuseIfAny(shapeIssues(IdSchema, userId, 'params/userId'));
    const user = await undertakings.userFacts(tx, userId);
    if (!user?.active) throw new DomainError('not_found', { detail: 'No such user' });
    return user;
  }

  /** The awareness module of the user's controller (SEC-09). */
  const awarenessOf = (organisationId: string): AcceptanceContext => ({
    kind: 'controller_awareness',
    organisationId,
  });

  /** SEC-09: an acknowledgement holds for the interval only. */
  const awarenessDue = (at: Date | null): boolean =>
    at === null || clock.now().getTime() - at.getTime() >= awarenessIntervalMs;

  /** The current text of `context` in `language`, or undefined when none is published. */
  async function currentText(tx: Tx, context: AcceptanceContext, language: Language) {
    const version = await undertakings.currentVersion(tx, context.kind, context.organisationId);
    if (!version) return undefined;
    const text = (await undertakings.textsOf(tx, version.id)).find((row) => row.language === language);
    return {
      kind: context.kind,
      versionId: version.id,
      version: version.version,
      publishedAt: new Date(version.published_at).toISOString(),
      language,
      // Every version is published in the four languages (undertaking_texts).
      text: text!.body,
    };
  }

  async function toAccept(
    tx: Tx,
    userId: string,
    context: AcceptanceContext,
    language: Language,
    due: (at: Date | null) => boolean,
  ): Promise<{ item?: UndertakingToAccept; due: boolean }> {
    const current = await currentText(tx, context, language);
    // Deny by default: with nothing published, nothing can be accepted and access stays blocked.
    if (!current) return { due: true };
    const at = await currentAcceptanceTime(tx, undertakings, userId, context, null);
    const mustAccept = due(at);
    return { item: { ...current, acceptedAt: at?.toISOString() ?? null, mustAccept }, due: mustAccept };
  }

  return {
    /** Operator only; a new version makes every earlier acceptance of that kind stale. */
    async publishUndertakingVersion(actor: Actor, input: PublishUndertaking): Promise<UndertakingVersion> {
      if (!canAdministerPlatform(actor)) {
        await inTransaction(db, (tx) =>
          audit.record(tx, {
            actor: auditActor(actor),
            action: 'admin.undertaking_published',
            outcome: 'denied',
            reason: 'not_platform_operator',
          }),
        );
        throw new DomainError('forbidden', {
          detail: 'Only the platform operator publishes undertakings',
          rule: PLATFORM_RULE,
        });
      }
      return inTransaction(db, async (tx) => {
        refuseIfAny(shapeIssues(PublishUndertakingSchema, input));
        const organisationId = input.organisationId ?? null;
        const issues: FieldIssue[] = [];
        if ((input.kind === 'controller_awareness') !== (organisationId !== null)) {
          issues.push({
            field: '/body/organisationId',
            message: 'is required for, and only for, a controller awareness module (L2007 art. 16 §2 3°)',
          });
        } else if (organisationId !== null) {
          const controller = await undertakings.organisationFacts(tx, organisationId);
          if (!controller?.active || controller.kind === 'platform_operator') {
            issues.push({
              field: '/body/organisationId',
              message: 'is not an active participant organisation',
            });
          }
        }
        refuseIfAny(issues);
        const current = await undertakings.currentVersion(tx, input.kind, organisationId);
        const row = await undertakings.insertVersion(tx, {
          kind: input.kind,
          organisation_id: organisationId,
          version: (current?.version ?? 0) + 1,
          published_by: actor.userId,
          published_at: clock.now(),
        });
        await undertakings.insertTexts(
          tx,
          LANGUAGES.map((language) => ({ version_id: row.id, language, body: input.texts[language].trim() })),
        );
        await audit.record(tx, {
          actor: { ...auditActor(actor), role: 'operator' },
          action: 'admin.undertaking_published',
          outcome: 'success',
          records: [
            { type: 'undertaking_version', id: row.id },
            { type: 'undertaking_kind', id: row.kind },
          ],
        });
        return toVersion(tx, row);
      });
    },

    /** The text to show: the current version of `kind` (of the user's controller for awareness). */
    currentUndertaking(
      kind: UndertakingKind,
      organisationId: string | null = null,
    ): Promise<UndertakingVersion | undefined> {
      return inTransaction(db, async (tx) => {
        const row = await undertakings.currentVersion(tx, kind, organisationId);
        return row && toVersion(tx, row);
      });
    },

    /**
     * The actor accepts the current secrecy undertaking (ROL-07) or the current awareness module
     * of their own controller (SEC-09). The representative's undertaking is accepted per
     * representation, in the representation service (bill art. 5 al. 2).
     */
    acceptUndertaking(actor: Actor, versionId: string, language: Language): Promise<Acceptance> {
      return inTransaction(db, async (tx) => {
        const user = await activeUserOrFail(tx, actor.userId);
        refuseIfAny(acceptanceInputIssues(versionId, language));
        const version = await undertakings.versionById(tx, versionId);
        const context: AcceptanceContext =
          version?.kind === 'controller_awareness' ? awarenessOf(user.organisation_id) : SECRECY;
        await versionToAccept(tx, undertakings, versionId, language, context);
        const row = await undertakings.insertAcceptance(tx, {
          version_id: versionId,
          user_id: user.id,
          language,
          representation_id: null,
          accepted_at: clock.now(),
        });
        await audit.record(tx, {
          actor: auditActor(actor),
          action: 'auth.undertaking_accepted',
          outcome: 'success',
          records: [
            { type: 'undertaking_version', id: versionId },
            { type: 'undertaking_kind', id: context.kind },
            { type: 'language', id: language },
          ],
        });
        return toAcceptance(row);
      });
    },

    /**
     * What the signed-in user has to accept before any case access (ROL-07, SEC-09), in their
     * language; a holder of the representative role also reads the text of art. 5 al. 2 here, and
     * accepts it per representation (representation service).
     */
    undertakingStatus(actor: Actor, language: Language): Promise<UndertakingStatus> {
      return inTransaction(db, async (tx) => {
        const user = await activeUserOrFail(tx, actor.userId);
        refuseIfAny(shapeIssues(LanguageSchema, language, 'querystring/language'));
        const secrecy = await toAccept(tx, user.id, SECRECY, language, (at) => at === null);
        // The host is not a controller of case data (bill art. 3 §1 al. 2): its staff have no
        // controller's awareness module to acknowledge (L2007 art. 16 §2 3°), only the secrecy.
        const host = (await undertakings.organisationFacts(tx, user.organisation_id))?.kind === 'platform_operator';
        const awareness = host
          ? { item: undefined, due: false }
          : await toAccept(tx, user.id, awarenessOf(user.organisation_id), language, awarenessDue);
        const undertakingsToShow = [secrecy.item, awareness.item];
        if (user.roles.includes('representative')) {
          const representative = await currentText(tx, REPRESENTATIVE, language);
          if (representative) undertakingsToShow.push({ ...representative, acceptedAt: null, mustAccept: false });
        }
        return {
          mustAccept: secrecy.due || awareness.due,
          undertakings: undertakingsToShow.filter((item) => item !== undefined),
        };
      });
    },

    /**
     * ROL-07: true until the user accepts the current secrecy text. With no text published
     * yet, nothing can be accepted and access stays blocked (deny by default).
     */
    mustAcceptUndertaking(userId: string): Promise<boolean> {
      return inTransaction(db, async (tx) => {
        const user = await activeUserOrFail(tx, userId);
        return (await currentAcceptanceTime(tx, undertakings, user.id, SECRECY, null)) === null;
      });
    },

    /** SEC-09: true until the user acknowledges the current module, and again after the interval. */
    mustAcknowledgeAwareness(userId: string): Promise<boolean> {
      return inTransaction(db, async (tx) => {
        const user = await activeUserOrFail(tx, userId);
        const at = await currentAcceptanceTime(
          tx,
          undertakings,
          user.id,
          awarenessOf(user.organisation_id),
          null,
        );
        return awarenessDue(at);
      });
    },
  };
}

export type UndertakingService = ReturnType<typeof createUndertakingService>;
