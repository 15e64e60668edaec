/**
 * The demo's case data (issue 4 scope 8), after the demo identities: staff, frameworks, cases
 * in every state, consultations and transfers, each created through its service so that it is
 * encrypted, audited and checked by the same rules as real data.
 */
import { DEMO_CASES } from './demo-cases.js';
import { seedConsultations, seedTransfers } from './seed-consultations.js';
import { finishCase, prepareCase } from './seed-cases.js';
import type { DemoBase, DemoContentServices, SeedContext } from './seed-context.js';
import { seedFrameworks } from './seed-frameworks.js';
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
    await seedFrameworks(context);
    for (const spec of DEMO_CASES) await prepareCase(context, spec);
    await seedConsultations(context);
    for (const spec of DEMO_CASES) await finishCase(context, spec);
    await seedTransfers(context);
  };
}

export type DemoContentSeeder = ReturnType<typeof createDemoContent>;
