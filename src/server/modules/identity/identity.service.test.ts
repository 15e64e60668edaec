import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_ROLES_1992 } from '../../kernel/legal-rules/enumerations.js';
import { countRows, createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { CreateOrganisation, CreateUser } from '../../../contracts/identity.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { ManualClock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { PLATFORM_HOST, POLICE_ZONE, WELFARE_AGENCY } from './identity-fixtures.js';
import { createIdentityRepository } from './identity.repository.js';
import { createIdentityService, type IdentityService } from './identity.service.js';
import type { Actor } from './platform-access.js';

let db: TestDatabase;
let identity: IdentityService;
const clock = new ManualClock('2025-03-01T10:00:00Z');
const operator: Actor = { userId: randomUUID(), organisationId: randomUUID(), roles: ['operator'] };
let hostId: string;
let policeId: string;

interface Payload {
  actor: { userId: string; role: string };
  action: string;
  outcome: string;
  reason?: string;
  records?: { type: string; id: string }[];
}

async function count(table: 'organisations' | 'users' | 'audit_events'): Promise<number> {
  return countRows(db.adminDb, table);
}

async function counts() {
  return {
    organisations: await count('organisations'),
    users: await count('users'),
    audit: await count('audit_events'),
  };
}

/** Audit events recorded after position `from`, raw and parsed. */
async function eventsSince(from: number): Promise<{ raw: string; event: Payload }[]> {
  const rows = await db.adminDb
    .selectFrom('audit_events')
    .select('payload')
    .where('position', '>=', from)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ raw: row.payload, event: JSON.parse(row.payload) as Payload }));
}

/** The DomainError `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function refusedFields(promise: Promise<unknown>): Promise<string[]> {
  const error = await refusal(promise);
  expect(error.code).toBe('validation_failed');
  return (error.details.fields ?? []).map((issue) => issue.field);
}

const member = (overrides: Partial<CreateUser> = {}): CreateUser => ({
  organisationId: policeId,
  email: `${randomUUID().slice(0, 8)}.agent@politiezone.example`,
  displayName: 'Karel Wouters',
  roles: ['participant'],
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  identity = createIdentityService({
    db: db.appDb,
    identity: createIdentityRepository(),
    audit: createAuditLog({ clock }),
    clock,
  });
  hostId = (await identity.createOrganisation(operator, PLATFORM_HOST)).id;
  policeId = (await identity.createOrganisation(operator, POLICE_ZONE)).id;
});
afterAll(async () => {
  await db.drop();
});

describe('organisations', () => {
  it('SCO-01 derives bill 0485 applicability from the organisation kind', async () => {
    const agency = await identity.createOrganisation(operator, WELFARE_AGENCY);
    const police = await identity.updateOrganisation(operator, policeId, {
      rightsContact: 'rights@pz.example',
    });
    expect(police.bill0485Applies).toBe(true);
    expect(agency.bill0485Applies).toBe(false);
    // Derived, not stored: a kind change moves it.
    const asAuthority = await identity.updateOrganisation(operator, agency.id, {
      kind: 'administrative_authority',
    });
    expect(asAuthority.bill0485Applies).toBe(true);
  });

  it('SCO-07 stores the data-protection regime and refuses one outside the list', async () => {
    const police = await db.adminDb
      .selectFrom('organisations')
      .select('dp_regime')
      .where('id', '=', policeId)
      .executeTakeFirstOrThrow();
    expect(police.dp_regime).toBe('law2018_title2');
    const ocam = await identity.createOrganisation(operator, {
      ...POLICE_ZONE,
      kind: 'federal_service',
      dpRegime: 'intelligence',
    });
    expect(ocam.dpRegime).toBe('intelligence');
    const unknown = { ...WELFARE_AGENCY, dpRegime: 'law1992' } as unknown as CreateOrganisation;
    expect(await refusedFields(identity.createOrganisation(operator, unknown))).toEqual(['/body/dpRegime']);
  });

  it('SCO-05 requires a legal-mission basis of a participant, and none of the host', async () => {
    const { legalMission: _, ...withoutMission } = WELFARE_AGENCY;
    expect(await refusedFields(identity.createOrganisation(operator, withoutMission))).toEqual([
      '/body/legalMission',
    ]);
    const hostWithMission = { ...PLATFORM_HOST, legalMission: WELFARE_AGENCY.legalMission };
    expect(await refusedFields(identity.createOrganisation(operator, hostWithMission))).toEqual([
      '/body/legalMission',
    ]);
    const free = { basis: 'specific_law', citation: 'Decreet van 7 mei 2004, art. 3' } as const;
    const created = await identity.createOrganisation(operator, { ...WELFARE_AGENCY, legalMission: free });
    expect(created.legalMission).toEqual(free);
  });

  it('SCO-11 refuses a controller established in CH without a Belgian representative', async () => {
    const swiss = {
      ...WELFARE_AGENCY,
      kind: 'other',
      establishmentCountry: 'CH',
      enterpriseNumber: null,
    } as const;
    const before = await counts();
    expect(await refusedFields(identity.createOrganisation(operator, swiss))).toEqual([
      '/body/belgianRepresentative',
    ]);
    expect(await counts()).toEqual(before);
    const representative = { name: 'Lex Advocaten BV', address: 'Louizalaan 54, 1050 Brussel' };
    const created = await identity.createOrganisation(operator, {
      ...swiss,
      belgianRepresentative: representative,
    });
    expect(created.belgianRepresentative).toEqual(representative);
    // Removing the representative later is refused just the same.
    expect(
      await refusedFields(identity.updateOrganisation(operator, created.id, { belgianRepresentative: null })),
    ).toEqual(['/body/belgianRepresentative']);
  });

  it('SCO-13 refuses an organisation without a lawful ground of art. 5 a)-f)', async () => {
    const { lawfulGround: _, ...withoutGround } = WELFARE_AGENCY;
    expect(
      await refusedFields(identity.createOrganisation(operator, withoutGround as CreateOrganisation)),
    ).toEqual(['/body/lawfulGround']);
    const ground = { ...WELFARE_AGENCY, lawfulGround: 'g' } as unknown as CreateOrganisation;
    expect(await refusedFields(identity.createOrganisation(operator, ground))).toEqual([
      '/body/lawfulGround',
    ]);
  });

  it('ROL-10 stores the controller identity and checks the enterprise number', async () => {
    const created = await identity.createOrganisation(operator, {
      ...WELFARE_AGENCY,
      enterpriseNumber: '0202239951',
    });
    expect(created).toMatchObject({
      legalName: 'Agentschap Opgroeien',
      address: 'Hallepoortlaan 27, 1060 Brussel',
      enterpriseNumber: '0202.239.951',
      rightsContact: 'privacy@opgroeien.example',
      establishmentCountry: 'BE',
    });
    const badDigits = { ...WELFARE_AGENCY, enterpriseNumber: '0202.239.952' };
    expect(await refusedFields(identity.createOrganisation(operator, badDigits))).toEqual([
      '/body/enterpriseNumber',
    ]);
    const belgianWithout = { ...WELFARE_AGENCY, enterpriseNumber: null };
    expect(await refusedFields(identity.createOrganisation(operator, belgianWithout))).toEqual([
      '/body/enterpriseNumber',
    ]);
  });

  it('ROL-12 requires the DPO of a public body and lets a member hold the dpo role', async () => {
    const { dpo: _, ...withoutDpo } = POLICE_ZONE;
    expect(await refusedFields(identity.createOrganisation(operator, withoutDpo))).toEqual(['/body/dpo']);
    const other = await identity.createOrganisation(operator, { ...withoutDpo, kind: 'other' });
    expect(other.dpo).toBeNull();
    const dpo = await identity.createUser(operator, member({ displayName: 'An Peeters', roles: ['dpo'] }));
    expect(dpo).toMatchObject({ organisationId: policeId, roles: ['dpo'] });
  });

  it('ROL-14 keeps the 1992 processing manager (gestionnaire du traitement) and maps the 1992 roles', async () => {
    const manager = { name: 'Smals vzw', address: 'Fonsnylaan 20, 1060 Brussel' };
    const agency = await identity.createOrganisation(operator, {
      ...WELFARE_AGENCY,
      processingManager: manager,
    });
    expect(agency.processingManager).toEqual(manager);
    expect(
      (await identity.updateOrganisation(operator, agency.id, { processingManager: null })).processingManager,
    ).toBeNull();
    // A half-filled manager is refused, naming the field.
    expect(
      await refusedFields(
        identity.createOrganisation(operator, {
          ...WELFARE_AGENCY,
          processingManager: { name: 'Smals vzw' } as typeof manager,
        }),
      ),
    ).toContain('/body/processingManager/address');
    expect(Object.fromEntries(LEGACY_ROLES_1992.map((role) => [role.label.fr, role.mapsTo]))).toEqual({
      'maître du fichier': 'controller',
      'gestionnaire du traitement': 'processor',
    });
  });

  it('reports every bad field at once and writes nothing', async () => {
    const before = await counts();
    const bad = {
      ...WELFARE_AGENCY,
      legalName: ' ',
      establishmentCountry: 'be',
      dpo: { name: 'X' },
      extra: true,
    } as unknown as CreateOrganisation;
    expect((await refusedFields(identity.createOrganisation(operator, bad))).sort()).toEqual([
      '/body/dpo/contact',
      '/body/establishmentCountry',
      '/body/extra',
      '/body/legalName',
    ]);
    expect(
      await refusal(identity.updateOrganisation(operator, randomUUID(), { legalName: 'X Y' })),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(await counts()).toEqual(before);
  });

  it('audits an update with the changed field names only, never their values', async () => {
    const from = await count('audit_events');
    await identity.updateOrganisation(operator, policeId, {
      legalName: 'Politiezone Gent-Oost',
      address: 'Kortrijksesteenweg 1, 9000 Gent',
      dpRegime: POLICE_ZONE.dpRegime,
    });
    const events = await eventsSince(from);
    expect(events.map((e) => e.event.action)).toEqual(['admin.organisation_updated']);
    const [{ raw, event }] = events as [{ raw: string; event: Payload }];
    expect(event.outcome).toBe('success');
    expect(event.actor).toMatchObject({ userId: operator.userId, role: 'operator' });
    expect(event.records).toEqual([
      { type: 'organisation', id: policeId },
      { type: 'changed_field', id: 'legalName' },
      { type: 'changed_field', id: 'address' },
    ]);
    expect(raw).not.toMatch(/Gent-Oost|Kortrijksesteenweg/);
    // Nothing changed, nothing audited.
    await identity.updateOrganisation(operator, policeId, { legalName: 'Politiezone Gent-Oost' });
    expect(await count('audit_events')).toBe(from + 1);
  });
});

describe('users', () => {
  it('SEC-01 refuses a generic account', async () => {
    const before = await counts();
    for (const email of [
      'info@politiezone.example',
      'Secretariaat.PZ@politiezone.example',
      'noreply@pz.example',
    ]) {
      expect(await refusedFields(identity.createUser(operator, member({ email }))), email).toEqual([
        '/body/email',
      ]);
    }
    expect(await refusedFields(identity.createUser(operator, member({ displayName: 'Onthaal' })))).toEqual([
      '/body/displayName',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('creates a named user with a lower-cased, unique e-mail, audited once', async () => {
    const from = await count('audit_events');
    const user = await identity.createUser(
      operator,
      member({ email: 'Lotte.Vermeulen@Politiezone.example', healthProfessional: true }),
    );
    expect(user).toMatchObject({
      email: 'lotte.vermeulen@politiezone.example',
      healthProfessional: true,
      active: true,
    });
    const events = await eventsSince(from);
    expect(events.map((e) => [e.event.action, e.event.records])).toEqual([
      [
        'admin.user_created',
        [
          { type: 'user', id: user.id },
          { type: 'organisation', id: policeId },
        ],
      ],
    ]);
    expect(events[0]!.raw).not.toMatch(/lotte|vermeulen/i);
    const again = member({ email: 'LOTTE.vermeulen@politiezone.example' });
    expect(await refusedFields(identity.createUser(operator, again))).toEqual(['/body/email']);
  });

  it('keeps the operator role to the host, and the host out of case roles', async () => {
    const before = await counts();
    const refused = [
      member({ roles: ['operator'] }),
      member({ organisationId: hostId, roles: ['operator', 'dpo'] }),
      member({ organisationId: hostId, roles: ['participant'] }),
      member({ organisationId: randomUUID() }),
    ];
    for (const input of refused) {
      const fields = await refusedFields(identity.createUser(operator, input));
      expect(fields).toEqual([
        input.organisationId === hostId || input.organisationId === policeId
          ? '/body/roles'
          : '/body/organisationId',
      ]);
    }
    expect(await counts()).toEqual(before);
    const staff = await identity.createUser(
      operator,
      member({ organisationId: hostId, roles: ['operator'] }),
    );
    expect(staff.roles).toEqual(['operator']);
  });

  it('a role change raises the session epoch and records the roles held', async () => {
    const user = await identity.createUser(operator, member());
    const from = await count('audit_events');
    const changed = await identity.changeUserRoles(operator, user.id, {
      roles: ['participant', 'organiser'],
    });
    expect(changed.sessionEpoch).toBe(user.sessionEpoch + 1);
    expect((await eventsSince(from)).map((e) => [e.event.action, e.event.records])).toEqual([
      [
        'admin.user_roles_changed',
        [
          { type: 'user', id: user.id },
          { type: 'role', id: 'participant' },
          { type: 'role', id: 'organiser' },
        ],
      ],
    ]);
    expect(await refusedFields(identity.changeUserRoles(operator, user.id, { roles: ['operator'] }))).toEqual(
      ['/body/roles'],
    );
  });

  it('deactivation ends every session at once and keeps the user', async () => {
    const user = await identity.createUser(operator, member());
    clock.advanceMs(60_000);
    const from = await count('audit_events');
    const gone = await identity.deactivateUser(operator, user.id);
    expect(gone).toMatchObject({ active: false, deactivatedAt: clock.now().toISOString() });
    expect(gone.sessionEpoch).toBe(user.sessionEpoch + 1);
    expect((await eventsSince(from)).map((e) => [e.event.action, e.event.records])).toEqual([
      ['admin.user_deactivated', [{ type: 'user', id: user.id }]],
    ]);
    expect(await refusal(identity.deactivateUser(operator, user.id))).toMatchObject({ code: 'conflict' });
    expect(await refusal(identity.changeUserRoles(operator, user.id, { roles: ['dpo'] }))).toMatchObject({
      code: 'conflict',
    });
    expect(await count('audit_events')).toBe(from + 1);
  });

  it('PEN-19 the runtime role cannot delete a user or an organisation', async () => {
    await expect(db.appDb.deleteFrom('users').execute()).rejects.toThrow(/permission denied/);
    await expect(db.appDb.deleteFrom('organisations').execute()).rejects.toThrow(/permission denied/);
  });
});

describe('platform administration', () => {
  const participant: Actor = {
    userId: randomUUID(),
    organisationId: randomUUID(),
    roles: ['organiser', 'dpo'],
  };

  it('refuses a non-operator with forbidden and leaves only a denied event', async () => {
    const user = await identity.createUser(operator, member());
    const attempts: [string, () => Promise<unknown>][] = [
      ['admin.organisation_created', () => identity.createOrganisation(participant, WELFARE_AGENCY)],
      [
        'admin.organisation_updated',
        () => identity.updateOrganisation(participant, policeId, { legalName: 'X Y' }),
      ],
      ['admin.user_created', () => identity.createUser(participant, member())],
      ['admin.user_roles_changed', () => identity.changeUserRoles(participant, user.id, { roles: ['dpo'] })],
      ['admin.user_deactivated', () => identity.deactivateUser(participant, user.id)],
    ];
    for (const [action, attempt] of attempts) {
      const before = await counts();
      expect(await refusal(attempt())).toMatchObject({ code: 'forbidden', status: 403 });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const [denied] = await eventsSince(before.audit);
      expect(denied!.event).toMatchObject({
        action,
        outcome: 'denied',
        reason: 'not_platform_operator',
        actor: { userId: participant.userId, role: 'organiser' },
      });
    }
    const stored = await db.adminDb
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ roles: ['participant'], active: true, session_epoch: 0 });
  });
});
