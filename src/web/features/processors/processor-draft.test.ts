import { describe, expect, it } from 'vitest';
import type { ProcessorRecord } from '../../../contracts/processors.js';
import { createBody, draftOf, emptyGuarantee, emptyProcessor, updateBody } from './processor-draft.js';

describe('the processor form', () => {
  it('PRC-01 sends an incomplete proposal with empty terms as null and never the host identity', () => {
    const draft = {
      ...emptyProcessor('host'),
      name: 'ignored',
      services: ' Hosting of the instance ',
      contract: { ...emptyProcessor().contract, instructionClause: ' Art. 4 ' },
    };
    const body = createBody(draft, 'controller-1');
    expect(body).toMatchObject({
      controllerOrganisationId: 'controller-1',
      role: 'host',
      subProcessorOf: null,
      processor: null,
      country: 'BE',
      services: 'Hosting of the instance',
      guarantees: [],
    });
    expect(body.contract).toEqual({
      reference: null,
      signedOn: null,
      securityAnnexReference: null,
      liabilityClause: null,
      instructionClause: 'Art. 4',
      securityObligationsClause: null,
    });
    expect(body).not.toHaveProperty('reviewIntervalMonths');
    const backup = createBody(
      {
        ...emptyProcessor('backup'),
        name: ' Backups SA ',
        address: 'Rue du Fort 12',
        guarantees: [{ ...emptyGuarantee(), title: 'ISO 27001', issuer: 'Body', issuedOn: '2025-05-12' }],
        reviewIntervalMonths: '12',
      },
      'controller-1',
    );
    expect(backup.processor).toEqual({
      name: 'Backups SA',
      address: 'Rue du Fort 12',
      enterpriseNumber: null,
    });
    expect(backup.guarantees).toEqual([
      {
        kind: 'certification',
        title: 'ISO 27001',
        issuer: 'Body',
        reference: null,
        issuedOn: '2025-05-12',
        validUntil: null,
      },
    ]);
    expect(backup.reviewIntervalMonths).toBe(12);
  });

  it('PRC-04 sends only the terms changed, so that an untouched term never withdraws an approval', () => {
    const record = {
      role: 'other',
      subProcessorOf: null,
      processor: { name: 'Archive SRL', address: 'Quai 1', enterpriseNumber: null },
      country: 'BE',
      services: 'Archiving',
      guarantees: [],
      contract: {
        reference: 'C-1',
        signedOn: '2025-01-01',
        securityAnnexReference: 'A',
        liabilityClause: 'L',
        instructionClause: 'I',
        securityObligationsClause: 'S',
      },
      reviewIntervalMonths: 12,
    } as unknown as ProcessorRecord;
    const before = draftOf(record);
    expect(updateBody(before, before)).toEqual({});
    const changed = updateBody(
      { ...before, contract: { ...before.contract, instructionClause: 'Art. 4 bis' } },
      before,
    );
    expect(Object.keys(changed)).toEqual(['contract']);
    expect(changed.contract?.instructionClause).toBe('Art. 4 bis');
    expect(updateBody({ ...before, reviewIntervalMonths: '6' }, before)).toEqual({ reviewIntervalMonths: 6 });
  });
});
