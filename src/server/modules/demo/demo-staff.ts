/**
 * The fictional staff behind the demo's case data (issue 4 scope 8). They are accounts without
 * credentials: nobody logs in as them, and `concerto demo` never prints them. The printed demo
 * users (demo-identities.ts) create nothing, so that each of them still meets the secrecy
 * undertaking and the awareness module at their first login (SPEC ROL-07, SEC-09).
 */
import type { DESIGNATION_SCOPES } from '../../../contracts/designations.js';
import type { UserRole } from '../../../contracts/identity.js';
import type { Language } from '../undertakings/undertakings.rules.js';
import type { DemoOrganisationKey } from './demo-identities.js';

export type StaffKey =
  | 'policeInspector'
  | 'policeDpo'
  | 'parquetSubstitute'
  | 'parquetOrganiser'
  | 'parquetDpo'
  | 'cpasCoordinator'
  | 'cpasSocialWorker'
  | 'cpasDpo'
  | 'prisonDirector'
  | 'prisonDeputyDpo'
  | 'youthCounsellor'
  | 'youthCareDpo';

export interface DemoStaff {
  organisation: Exclude<DemoOrganisationKey, 'host'>;
  email: string;
  displayName: string;
  roles: UserRole[];
  /** The language they accept their undertakings in. */
  language: Language;
  /** What their organisation's DPO designates them for (bill art. 3 §2 al. 2; SPEC DAT-19). */
  designation?: { scopes: (typeof DESIGNATION_SCOPES)[number][]; function: string };
}

/** The DPOs are the ones each organisation's record names (demo-identities.ts). */
export const DEMO_STAFF: Record<StaffKey, DemoStaff> = {
  policeInspector: {
    organisation: 'police',
    email: 'bram.claes@politiezone.demo.example',
    displayName: 'Bram Claes',
    roles: ['participant'],
    language: 'nl',
    designation: {
      scopes: ['C09', 'C13'],
      function: 'Hoofdinspecteur, cel intrafamiliaal geweld en radicalisering',
    },
  },
  policeDpo: {
    organisation: 'police',
    email: 'ann.peeters@politiezone.demo.example',
    displayName: 'Ann Peeters',
    roles: ['dpo'],
    language: 'nl',
  },
  parquetSubstitute: {
    organisation: 'parquet',
    email: 'helene.lambotte@parquet.demo.example',
    displayName: 'Hélène Lambotte',
    roles: ['prosecutor'],
    language: 'fr',
    designation: { scopes: ['C09'], function: 'Substitut du procureur du Roi, section famille' },
  },
  parquetOrganiser: {
    organisation: 'parquet',
    email: 'geert.vandamme@parquet.demo.example',
    displayName: 'Geert Van Damme',
    roles: ['organiser'],
    language: 'nl',
  },
  parquetDpo: {
    organisation: 'parquet',
    email: 'claire.dumont@parquet.demo.example',
    displayName: 'Claire Dumont',
    roles: ['dpo'],
    language: 'fr',
  },
  cpasCoordinator: {
    organisation: 'cpas',
    email: 'isabelle.moreau@cpas.demo.example',
    displayName: 'Isabelle Moreau',
    roles: ['organiser'],
    language: 'fr',
  },
  cpasSocialWorker: {
    organisation: 'cpas',
    email: 'thomas.lefevre@cpas.demo.example',
    displayName: 'Thomas Lefèvre',
    roles: ['participant'],
    language: 'fr',
    designation: { scopes: ['C10'], function: 'Assistant social, service de santé mentale du CPAS' },
  },
  cpasDpo: {
    organisation: 'cpas',
    email: 'julie.renard@cpas.demo.example',
    displayName: 'Julie Renard',
    roles: ['dpo'],
    language: 'fr',
  },
  prisonDirector: {
    organisation: 'prison',
    email: 'luc.martin@prison.demo.example',
    displayName: 'Luc Martin',
    roles: ['organiser'],
    language: 'fr',
  },
  // The prison's named DPO is a printed demo user, who creates nothing; its deputy approved the host's record.
  prisonDeputyDpo: {
    organisation: 'prison',
    email: 'sarah.jacobs@prison.demo.example',
    displayName: 'Sarah Jacobs',
    roles: ['dpo'],
    language: 'fr',
  },
  youthCareDpo: {
    organisation: 'youthCare',
    email: 'emma.willems@aidejeunesse.demo.example',
    displayName: 'Emma Willems',
    roles: ['dpo'],
    language: 'fr',
  },
  youthCounsellor: {
    organisation: 'youthCare',
    email: 'camille.hardy@aidejeunesse.demo.example',
    displayName: 'Camille Hardy',
    roles: ['participant'],
    language: 'fr',
  },
};

/**
 * The member of `organisation` who holds `role`: the organiser who decides on signals and runs
 * the consultations (SPEC ROL-03), the parquet's prosecutor who reviews police drafts (ROL-13),
 * the DPO who designates staff for special categories (DAT-19).
 */
export function staffWithRole(organisation: DemoStaff['organisation'], role: UserRole): StaffKey {
  const key = (Object.keys(DEMO_STAFF) as StaffKey[]).find(
    (candidate) =>
      DEMO_STAFF[candidate].organisation === organisation && DEMO_STAFF[candidate].roles.includes(role),
  );
  if (!key) throw new Error(`The demo staff has no ${role} in ${organisation}`);
  return key;
}
