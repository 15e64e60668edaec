import { describe, expect, it } from 'vitest';
import {
  dueOn,
  exemptionIssues,
  informedIssues,
  isOverdue,
  newObligation,
  personInformationIssues,
} from './information-rules.js';

const open = { status: 'open', recordedOn: '2026-03-02', disclosureEnvisaged: false };

describe('the rules of the information obligation (L2007 art. 9)', () => {
  it('RGT-INF-02 is due on the recording date and overdue from the next day, unless due at the first disclosure', () => {
    expect(dueOn(open)).toBe('2026-03-02');
    expect(isOverdue(open, '2026-03-02')).toBe(false);
    expect(isOverdue(open, '2026-03-03')).toBe(true);
    expect(isOverdue({ ...open, status: 'exempted' }, '2026-04-01')).toBe(false);
    const envisaged = { ...open, disclosureEnvisaged: true };
    expect(dueOn(envisaged)).toBeNull();
    expect(isOverdue(envisaged, '2027-01-01')).toBe(false);
  });

  it('RGT-INF-01 RGT-IND-01 SCO-15 a new person opens an open, informed or indirect-regime obligation', () => {
    expect(newObligation(undefined, 'gdpr')).toMatchObject({
      collection: 'not_from_subject',
      status: 'open',
    });
    expect(
      newObligation({ collection: 'not_from_subject', disclosureEnvisaged: true }, 'law2018_title2'),
    ).toMatchObject({
      status: 'open',
      disclosureEnvisaged: true,
    });
    const informed = {
      collection: 'from_subject',
      noticeDelivered: true,
      noticeDeliveredOn: '2026-03-02',
      channel: 'letter',
      noticeVersion: 'v',
    } as const;
    expect(newObligation(informed, 'gdpr')).toMatchObject({
      status: 'informed',
      informed: { informedOn: '2026-03-02' },
    });
    for (const regime of ['law2018_title3', 'intelligence']) {
      expect(newObligation(informed, regime)).toMatchObject({ status: 'indirect_regime', informed: null });
    }
  });

  it('RGT-INF-01 RGT-INF-02 collected from the person needs the delivered notice; a shared person cannot wait for a later disclosure', () => {
    expect(personInformationIssues(undefined, '2026-03-02', false)).toEqual([]);
    expect(
      personInformationIssues(
        {
          collection: 'from_subject',
          noticeDelivered: true,
          noticeDeliveredOn: '2026-03-03',
          channel: 'email',
          noticeVersion: 'v',
        },
        '2026-03-02',
        false,
      ),
    ).toEqual([{ field: '/body/information/noticeDeliveredOn', message: 'is after today' }]);
    expect(
      personInformationIssues(
        { collection: 'not_from_subject', disclosureEnvisaged: true },
        '2026-03-02',
        true,
      ).map((i) => i.field),
    ).toEqual(['/body/information/disclosureEnvisaged']);
    expect(
      personInformationIssues({ collection: 'not_from_subject', channel: 'email' }, '2026-03-02', false).map(
        (i) => i.field,
      ),
    ).toEqual(['/body/information/channel']);
  });

  it('RGT-INF-03 RGT-INF-06 ground b) and the collective procedure need their reference; ground a) cites none', () => {
    const justification = 'Onmogelijk: geen adres bekend.';
    expect(exemptionIssues({ ground: 'legal_provision', justification })[0]?.field).toBe(
      '/body/legalReference',
    );
    expect(exemptionIssues({ ground: 'collective_information', justification })[0]?.field).toBe(
      '/body/legalReference',
    );
    expect(
      exemptionIssues({ ground: 'legal_provision', justification, legalReference: 'Sw. art. 458ter' }),
    ).toEqual([]);
    expect(exemptionIssues({ ground: 'impossible_or_disproportionate', justification })).toEqual([]);
    expect(
      exemptionIssues({ ground: 'impossible_or_disproportionate', justification, legalReference: 'x' }),
    ).toHaveLength(1);
  });

  it('RGT-INF-01 the notice was given between the recording and today', () => {
    const input = { noticeVersion: 'v', channel: 'letter' } as const;
    expect(informedIssues({ ...input, informedOn: '2026-03-02' }, '2026-03-01', '2026-03-02')).toEqual([]);
    expect(informedIssues({ ...input, informedOn: '2026-02-28' }, '2026-03-01', '2026-03-02')).toHaveLength(
      1,
    );
    expect(informedIssues({ ...input, informedOn: '2026-02-30' }, '2026-03-01', '2026-03-02')).toHaveLength(
      1,
    );
  });
});
