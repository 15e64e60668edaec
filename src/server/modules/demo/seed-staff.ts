/**
 * The demo's fictional staff (demo-staff.ts): created by the demo operator, their undertakings
 * accepted, and some designated for special categories by their own organisation's DPO.
 */
import type { Actor } from '../identity/platform-access.js';
import { DEMO_STAFF, type DemoStaff, type StaffKey, staffWithRole } from './demo-staff.js';
import { DEMO_JUSTIFICATION, organisationId, type SeedContext } from './seed-context.js';

export async function seedStaff(context: SeedContext): Promise<void> {
  const { identity, undertakings, designations } = context.services;
  for (const [key, staff] of Object.entries(DEMO_STAFF) as [StaffKey, DemoStaff][]) {
    const organisation = organisationId(context, staff.organisation);
    const { id } = await identity.createUser(context.operator, {
      organisationId: organisation,
      email: staff.email,
      displayName: staff.displayName,
      roles: staff.roles,
    });
    const actor: Actor = {
      userId: id,
      organisationId: organisation,
      roles: staff.roles,
      justification: DEMO_JUSTIFICATION,
    };
    context.staff.set(key, actor);
    // These are fictional demo staff without a login: the demo accepts the secrecy undertaking
    // (CP art. 458ter §2) and their controller's awareness module (SEC-09) in their name so that
    // they can have prepared the cases. The printed demo users accept them themselves.
    await undertakings.acceptUndertaking(actor, context.secrecyVersionId, staff.language);
    await undertakings.acceptUndertaking(
      actor,
      context.awarenessVersionIds.get(organisation)!,
      staff.language,
    );
  }
  for (const [key, staff] of Object.entries(DEMO_STAFF) as [StaffKey, DemoStaff][]) {
    if (!staff.designation) continue;
    const dpo = context.staff.get(staffWithRole(staff.organisation, 'dpo'))!;
    for (const scope of staff.designation.scopes) {
      await designations.designate(dpo, {
        userId: context.staff.get(key)!.userId,
        scope,
        function: staff.designation.function,
        confidentialityConfirmed: true,
      });
    }
  }
}
