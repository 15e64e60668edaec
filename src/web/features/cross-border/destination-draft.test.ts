import { describe, expect, it } from 'vitest';
import { type DestinationDraft, destinationBody, emptyDestination } from './destination-draft.js';

const draft = (change: Partial<DestinationDraft>): DestinationDraft => ({
  ...emptyDestination(),
  kind: 'backup',
  name: '  Back-up, region us-east  ',
  country: 'US',
  categories: ['C02', 'C01'],
  ...change,
});

const filledIn: Partial<DestinationDraft> = {
  adequacyAssessmentId: '5b0c2f6e-1d1e-4f7a-9a51-2f4a0c9e8b10',
  consent: {
    reference: 'File 2026/118',
    collectedBy: 'J. Janssens',
    context: 'asked at the intake',
    givenOn: '2026-01-05',
    unambiguous: true,
  },
  contractReference: 'Contract 12',
  legalReference: 'Treaty on police cooperation',
  justification: '  to prevent a serious threat  ',
  royalDecreeReference: 'RD of 1 March 2026',
};

describe('the body of a destination', () => {
  it('TRF-01 sends the destination trimmed, its categories sorted, and no basis field with the basis none', () => {
    expect(destinationBody(draft({ ...filledIn, operations: '   ' }))).toEqual({
      kind: 'backup',
      name: 'Back-up, region us-east',
      country: 'US',
      categories: ['C01', 'C02'],
      basis: { kind: 'none' },
    });
  });

  it('TRF-07 sends with D4 the legal reference and the justification, nothing of another derogation', () => {
    expect(destinationBody(draft({ ...filledIn, basis: 'derogation', derogation: 'D4' })).basis).toEqual({
      kind: 'derogation',
      derogation: 'D4',
      legalReference: 'Treaty on police cooperation',
      justification: 'to prevent a serious threat',
    });
  });

  it('TRF-07 leaves an empty legal reference out, for the server to name what D4 requires', () => {
    const body = destinationBody(draft({ basis: 'derogation', derogation: 'D4', legalReference: ' ' }));
    expect(body.basis).toEqual({ kind: 'derogation', derogation: 'D4' });
  });

  it('TRF-04 sends the consent record of D1 whole, even unfinished, so that each missing field is named', () => {
    const body = destinationBody(
      draft({
        basis: 'derogation',
        derogation: 'D1',
        consent: { reference: ' Ref ', collectedBy: '', context: '', givenOn: '', unambiguous: false },
      }),
    );
    expect(body.basis).toEqual({
      kind: 'derogation',
      derogation: 'D1',
      consent: { reference: 'Ref', collectedBy: '', context: '', givenOn: '', unambiguous: false },
    });
  });

  it('TRF-10 sends with D7 the royal decree and the clauses', () => {
    const clauses = { mediaType: 'application/pdf' as const, contentBase64: 'JVBERi0=' };
    const body = destinationBody(draft({ ...filledIn, basis: 'derogation', derogation: 'D7' }), clauses);
    expect(body.basis).toEqual({
      kind: 'derogation',
      derogation: 'D7',
      royalDecreeReference: 'RD of 1 March 2026',
      clauses,
    });
  });

  it('TRF-02 sends with an adequacy basis the assessment only', () => {
    expect(destinationBody(draft({ ...filledIn, basis: 'adequacy' })).basis).toEqual({
      kind: 'adequacy',
      adequacyAssessmentId: filledIn.adequacyAssessmentId,
    });
  });

  it('DCL-20 names the destination worked for only for a sub-processor or a support access', () => {
    const via = '0b6f9a38-7f0e-4f55-9f1e-3f8b3c1d2e4a';
    expect(destinationBody(draft({ kind: 'sub_processor', viaDestinationId: via })).viaDestinationId).toBe(
      via,
    );
    expect(destinationBody(draft({ kind: 'hosting', viaDestinationId: via }))).not.toHaveProperty(
      'viaDestinationId',
    );
  });
});
