/**
 * The demo's declarations of processing (SPEC DCL-01: no data before the declaration), made by each
 * organisation's DPO through the declaration service once the frameworks are active: one
 * declaration per organisation and purpose set (art. 17 §5) covering the frameworks it takes part
 * in, submitted three months before the seeding. The police's and the CPAS's were acknowledged by
 * the Commission, paid, completed and given a register number (fictional, marked "DEMO"); the
 * parquet's is acknowledged and waits for its contribution; the prison's and the youth-care body's
 * are still waiting for their acknowledgement, which the daily review reports as overdue.
 */
import { DEMO_FRAMEWORKS, type DemoFrameworkKey } from './demo-frameworks.js';
import type { DemoOrganisationKey } from './demo-identities.js';
import { DEMO_STAFF, staffWithRole } from './demo-staff.js';
import { daysFrom, organisationId, type SeedContext } from './seed-context.js';

type Party = Exclude<DemoOrganisationKey, 'host'>;

/** The official names of the demo's processings (§3 4°), in French and Dutch. */
const PROCESSING_NAMES: Record<DemoFrameworkKey, { fr: string; nl: string }> = {
  veiligHuis: {
    fr: 'Maison sûre Démo – approche en chaîne des violences intrafamiliales',
    nl: 'Veilig Huis Demo – ketenaanpak intrafamiliaal geweld',
  },
  csilR: { fr: 'CSIL-R Démo', nl: 'LIVC-R Demo' },
  prison: {
    fr: 'Concertation radicalisme en prison – Démo',
    nl: 'Casusoverleg radicalisering in de gevangenis – Demo',
  },
  juvenile: {
    fr: 'Approche en chaîne de la délinquance juvénile – Démo',
    nl: 'Ketenaanpak jeugddelinquentie – Demo',
  },
  vulnerable: {
    fr: 'Concertation de cas personnes vulnérables – Démo',
    nl: 'Casusoverleg kwetsbare personen – Demo',
  },
};

/** How far each organisation's declaration went with the Commission. */
const PROGRESS: Record<Party, { registerNumber?: string; acknowledged: boolean; completed: boolean }> = {
  police: { registerNumber: 'DEMO-VT-005-000101', acknowledged: true, completed: true },
  cpas: { registerNumber: 'DEMO-VT-005-000102', acknowledged: true, completed: true },
  parquet: { registerNumber: 'DEMO-VT-005-000103', acknowledged: true, completed: false },
  prison: { acknowledged: false, completed: false },
  youthCare: { acknowledged: false, completed: false },
};

const dateOf = (context: SeedContext, days: number): string =>
  daysFrom(context, days).toISOString().slice(0, 10);

export async function seedDeclarations(context: SeedContext): Promise<void> {
  const { declarations } = context.services;
  for (const [party, progress] of Object.entries(PROGRESS) as [Party, (typeof PROGRESS)[Party]][]) {
    const dpo = context.staff.get(staffWithRole(party, 'dpo'))!;
    // One declaration per purpose set (art. 17 §5): the frameworks the party takes part in, by purpose.
    const bySet = new Map<string, DemoFrameworkKey[]>();
    for (const [key, framework] of Object.entries(DEMO_FRAMEWORKS) as [
      DemoFrameworkKey,
      (typeof DEMO_FRAMEWORKS)[DemoFrameworkKey],
    ][]) {
      if (framework.organiser !== party && !framework.participants.includes(party)) continue;
      const set = [...framework.purposes].sort().join('+');
      bySet.set(set, [...(bySet.get(set) ?? []), key]);
    }
    let numbered = false;
    for (const [set, keys] of bySet) {
      const draft = await declarations.createDeclaration(dpo, {
        purposes: set.split('+') as ('P1' | 'P2' | 'P3')[],
        language: DEMO_STAFF[staffWithRole(party, 'dpo')].language === 'nl' ? 'nl' : 'fr',
        frameworks: keys.map((key) => ({
          frameworkId: context.frameworks.get(key)!,
          processingName: PROCESSING_NAMES[key],
        })),
      });
      const declared = await declarations.submitDeclaration(dpo, draft.id, {
        submittedOn: dateOf(context, -90),
      });
      const versionId = declared.versions[0]!.id;
      if (progress.acknowledged) {
        await declarations.acknowledgeVersion(dpo, draft.id, versionId, {
          acknowledgedOn: dateOf(context, -88),
        });
      }
      // The register number of the first declaration of the party; its others wait for theirs.
      if (progress.registerNumber && !numbered) {
        await declarations.setRegisterNumber(dpo, draft.id, { registerNumber: progress.registerNumber });
        numbered = true;
      }
      if (progress.completed) {
        await declarations.recordPayment(dpo, draft.id, versionId, {
          amount: { cents: 2500, currency: 'EUR' },
          paidOn: dateOf(context, -89),
          reference: `DEMO-PAY-${organisationId(context, party).slice(0, 8)}-${set}`,
        });
        await declarations.completeVersion(dpo, draft.id, versionId, { completedOn: dateOf(context, -80) });
      }
    }
  }
}
