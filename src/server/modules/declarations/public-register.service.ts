/**
 * The public register page (L2007/L1992 art. 18; SPEC DCL-24): without a session, anyone reads the
 * §3 information of every processing declared in Concerto and still running, as last submitted,
 * with its identification number. The content holds no personal data by construction (the
 * generator puts no DPO, user or case in it).
 * - An exempted processing (art. 17 §8, SPEC DCL-22) is shown too: its controller must give that
 *   information to anyone who asks, so each time the page serves it, the request is kept (channel
 *   "public_page", no requester) and audited.
 * - A processing under a sectoral committee (art. 20, SPEC DCL-27) is shown too: the Commission
 *   reads its current §3 information here at any time, without an account.
 */
import type {
  DeclarationContent,
  PublicRegister,
  PublicRegisterEntry,
} from '../../../contracts/declarations.js';
import { IdSchema } from '../../../contracts/identity.js';
import { type Db, inTransaction, type Tx } from '../../db/database.js';
import type { AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import { declarationPdfSpec } from './declaration-document.js';
import type { DeclarationFile } from './declarations.service.js';
import type { DeclarationsRepository } from './declarations.repository.js';

export interface PublicRegisterDeps {
  db: Db;
  declarations: DeclarationsRepository;
  audit: AuditLog;
  clock: Clock;
}

type EntryRow = Awaited<ReturnType<DeclarationsRepository['publicEntries']>>[number];

export function createPublicRegisterService({ db, declarations, audit, clock }: PublicRegisterDeps) {
  function present(row: EntryRow): PublicRegisterEntry {
    return {
      declarationId: row.id,
      registerNumber: row.register_number,
      mode: row.mode,
      sectoralCommittee:
        row.sectoral_committee && row.sectoral_authorisation_reference
          ? {
              committee: row.sectoral_committee,
              authorisationReference: row.sectoral_authorisation_reference,
            }
          : null,
      royalDecreeExemption: row.exemption_royal_decree,
      lastSubmittedOn: row.submitted_on,
      content: JSON.parse(row.content) as DeclarationContent,
    };
  }

  /** DCL-22: every exempted processing the page serves is a request answered, kept and audited. */
  async function logExemptedServed(tx: Tx, rows: readonly EntryRow[]): Promise<void> {
    const now = clock.now();
    for (const row of rows.filter((r) => r.mode === 'royal_decree_exemption')) {
      const request = await declarations.insertSheetRequest(tx, {
        declaration_id: row.id,
        channel: 'public_page',
        received_on: brusselsDateOf(now),
        served_at: now,
        served_by: null,
      });
      await audit.record(tx, {
        actor: { system: 'public-register' },
        action: 'system.exemption_sheet_served',
        outcome: 'success',
        records: [
          { type: 'declaration', id: row.id },
          { type: 'declaration_sheet_request', id: request.id },
        ],
      });
    }
  }

  async function entry(tx: Tx, id: string): Promise<EntryRow> {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/declarationId'));
    const row = (await declarations.publicEntries(tx)).find((r) => r.id === id);
    if (!row) throw new DomainError('not_found', { detail: 'No such entry in the register' });
    return row;
  }

  return {
    publicRegister(): Promise<PublicRegister> {
      return inTransaction(db, async (tx) => {
        const rows = await declarations.publicEntries(tx);
        await logExemptedServed(tx, rows);
        return { entries: rows.map(present) };
      });
    },

    publicEntry(id: string): Promise<PublicRegisterEntry> {
      return inTransaction(db, async (tx) => {
        const row = await entry(tx, id);
        await logExemptedServed(tx, [row]);
        return present(row);
      });
    },

    /** The entry's §3 sheet as a PDF, its number in the footer of every page (DCL-25). */
    publicEntryPdf(id: string): Promise<DeclarationFile> {
      return inTransaction(db, async (tx) => {
        const row = await entry(tx, id);
        await logExemptedServed(tx, [row]);
        const content = JSON.parse(row.content) as DeclarationContent;
        const number = row.register_number ?? row.sectoral_authorisation_reference;
        const pdf = await renderPdf(
          declarationPdfSpec(content, {
            mode: row.mode,
            registerNumbers: number ? [number] : [],
            version: 'register',
            exportedBy: 'public register',
            at: clock.now(),
          }),
        );
        return { mediaType: 'application/pdf', filename: `register-${row.id}.pdf`, content: pdf };
      });
    },
  };
}

export type PublicRegisterService = ReturnType<typeof createPublicRegisterService>;
