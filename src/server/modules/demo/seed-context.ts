/** What the demo's seeding steps share: the services they go through and what they created. */
import type { Clock } from '../../kernel/clock.js';
import type { CaseService } from '../cases/cases.service.js';
import type { SecurityEvidenceService } from '../compliance/security-evidence.service.js';
import type { ConsultationService } from '../consultations/consultations.service.js';
import type { CrossBorderService } from '../cross-border/cross-border.service.js';
import type { DeclarationService } from '../declarations/declarations.service.js';
import type { DesignationService } from '../designations/designations.service.js';
import type { FrameworkService } from '../frameworks/frameworks.service.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { Actor } from '../identity/platform-access.js';
import type { PaperPartService } from '../paper-parts/paper-parts.service.js';
import type { ProcessorService } from '../processors/processors.service.js';
import type { TransferService } from '../transfers/transfers.service.js';
import type { UndertakingService } from '../undertakings/undertakings.service.js';
import type { DemoConsultationKey } from './demo-consultations.js';
import type { DemoFrameworkKey } from './demo-frameworks.js';
import type { DemoOrganisationKey } from './demo-identities.js';
import type { PersonKey } from './demo-persons.js';
import type { StaffKey } from './demo-staff.js';

/** The services the demo creates its content through, built as app.ts builds them. */
export interface DemoContentServices {
  identity: IdentityService;
  undertakings: UndertakingService;
  designations: DesignationService;
  frameworks: FrameworkService;
  declarations: DeclarationService;
  cases: CaseService;
  consultations: ConsultationService;
  transfers: TransferService;
  paperParts: PaperPartService;
  processors: ProcessorService;
  /** SPEC TRF-01: each controller's transfer register, where its processors' locations are read. */
  crossBorder: CrossBorderService;
  /** SPEC SEC-03: the instance's plan reviews and restore tests. */
  securityEvidence: SecurityEvidenceService;
  clock: Clock;
}

/** What the demo identities step created: the operator, the organisations, the texts to accept. */
export interface DemoBase {
  operator: Actor;
  organisations: ReadonlyMap<DemoOrganisationKey, { id: string; legalName: string }>;
  /** The current secrecy undertaking, and each controller's awareness module, by organisation id. */
  secrecyVersionId: string;
  awarenessVersionIds: ReadonlyMap<string, string>;
}

export interface SeedContext extends DemoBase {
  services: DemoContentServices;
  /** When the seeding started: consultations and due dates are placed around it. */
  now: Date;
  staff: Map<StaffKey, Actor>;
  frameworks: Map<DemoFrameworkKey, string>;
  cases: Map<string, { id: string; persons: Map<PersonKey, string> }>;
  items: Map<string, string>;
  consultations: Map<DemoConsultationKey, string>;
}

/** Every step reads case content for this reason (issue 4 scope 7: a justified working session). */
export const DEMO_JUSTIFICATION = 'jeu de données de démonstration';

export function organisationId(context: DemoBase, key: DemoOrganisationKey): string {
  return context.organisations.get(key)!.id;
}

export function staffActor(context: SeedContext, key: StaffKey): Actor {
  return context.staff.get(key)!;
}

export function caseOf(context: SeedContext, key: string): { id: string; persons: Map<PersonKey, string> } {
  return context.cases.get(key)!;
}

const DAY_MS = 86_400_000;

/** The instant `days` days from the seeding (negative: before it). */
export function daysFrom(context: SeedContext, days: number): Date {
  return new Date(context.now.getTime() + days * DAY_MS);
}
