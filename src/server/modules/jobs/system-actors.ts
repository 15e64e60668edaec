/**
 * The named system actors of Concerto (SPEC PEN-19): the only actors of the audit log that are not
 * an individual user of an organisation. Each is an unattended job or command that must act without
 * a user at the keyboard; `concerto audit attribution` reports any other actor without a user.
 * A new system actor is added here, with why no user can be accountable for what it does.
 */
import { RETENTION_JOB } from '../retention/retention-deps.js';

export const SYSTEM_ACTORS: ReadonlySet<string> = new Set([
  // The daily jobs (daily-jobs.ts; ADR 0015): the law sets their day, not a user.
  'prosecutor-list-erasure', // bill art. 8 al. 2
  RETENTION_JOB, // bill art. 2 §3 4°: lists, purges and destroys the keys of cases past their retention
  'destruction-orders', // L1992 arts 41 §1 and 45: finishes an interrupted court-ordered destruction
  'inspector-access-expiry', // L1992 art. 32 §1
  'prohibition-enforcement', // L1992 art. 41 §2
  'declaration-review', // L2007 art. 16 §2 4°, art. 17
  // Commands of the operator (src/cli) that refuse or set up rather than process case data.
  'demo', // concerto demo: the demo identities on an empty database
  'jobs-as-of', // concerto jobs run --as-of: refused outside a demo database
  'restore', // concerto restore: re-applies the destructions made after the backup (RET-07), before anyone can log in
  // Doors without a user behind them yet.
  'interconnections', // the gateway refusing a connected system it could not authenticate (INT-01)
  'public-register', // the public register serving an exempted sheet (DCL-25)
  'representation_expiry', // the end of a representation's period taking effect (bill art. 5; ROL-04)
]);
