/**
 * The demo's case data (issue 4 scope 8), after the demo identities: staff, frameworks, cases
 * in every state, consultations and transfers, each created through its service so that it is
 * encrypted, audited and checked by the same rules as real data.
 */
import { DEMO_CASES } from './demo-cases.js';
import { seedComplianceEvidence } from './seed-compliance.js';
import { seedConsultations, seedTransfers } from './seed-consultations.js';
import { finishCase, prepareCase } from './seed-cases.js';
import type { DemoBase, DemoContentServices, SeedContext } from './seed-context.js';
import { seedDeclarations } from './seed-declarations.js';
import { seedFrameworks } from './seed-frameworks.js';
import { seedProcessors } from './seed-processors.js';
import { seedStaff } from './seed-staff.js';

export function createDemoContent(services: DemoContentServices) {
  return async function seedDemoContent(base: DemoBase): Promise<void> {
    const context: SeedContext = {
      ...base,
      services,
      now: services.clock.now(),
      staff: new Map(),
      frameworks: new Map(),
      cases: new Map(),
      items: new Map(),
      consultations: new Map(),
    };
    await seedStaff(context);
    // SPEC SCO-08, SEC-03: a live instance's security plan is reviewed and its backups restore.
    await seedComplianceEvidence(context);
    // SPEC PRC-01: no controller goes live before it approved the host's processor record.
    await seedProcessors(context);
    await seedFrameworks(context);
    // SPEC DCL-01: every party declares its processing before it enters data.
    await seedDeclarations(context);
    for (const spec of DEMO_CASES) await prepareCase(context, spec);
    await seedConsultations(context);
    for (const spec of DEMO_CASES) await finishCase(context, spec);
    await seedTransfers(context);
  };
}

export type DemoContentSeeder = ReturnType<typeof createDemoContent>;
