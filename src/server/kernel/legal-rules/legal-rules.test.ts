import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { DomainError } from '../errors.js';
import { days, months, years } from './durations.js';
import { createLegalRules } from './legal-rules.js';
import { REGIMES } from './regimes.js';

const clock = new ManualClock('2025-01-01T00:00:00Z');
const rules = createLegalRules({ clock });

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('retention (bill arts 2-4)', () => {
  it('RET-01 case closed 2025-03-01 with 30 years: retention ends with 2055-03-01, data gone on 2055-03-02', () => {
    const end = rules.retentionEnd(new Date('2025-03-01T10:00:00Z'), years(30));
    expect(end.date).toBe('2055-03-01');
    clock.set('2055-03-01T22:59:59Z'); // 23:59:59 CET
    expect(rules.isOverdue(end)).toBe(false);
    clock.set('2055-03-01T23:00:00Z'); // 2055-03-02 00:00 CET
    expect(rules.isOverdue(end)).toBe(true);
  });

  it('RET-01 closed on 29 February 2024: 30 years end on 28 February 2054', () => {
    expect(rules.retentionEnd('2024-02-29', years(30)).date).toBe('2054-02-28');
  });

  it('FIL-01 an agreed maximum of 31 years is refused, citing bill art. 2 §3 4°', () => {
    const error = domainError(() => rules.assertAgreedRetention(years(31)));
    expect(error.code).toBe('validation_failed');
    expect(error.details.rule).toBe('bill art. 2 §3 4°');
    expect(error.details.fields?.[0]?.field).toBe('/maxRetention');
    expect(() => rules.assertAgreedRetention(months(361))).toThrow(DomainError);
    expect(() => rules.assertAgreedRetention(years(30))).not.toThrow();
    expect(() => rules.assertAgreedRetention(days(30))).toThrow(/months or years/);
    expect(() => rules.assertAgreedRetention(years(0))).toThrow(DomainError);
  });

  it('RET-02 shortening from 10 to 5 years moves the end earlier; lengthening to 31 years is refused', () => {
    expect(rules.retentionEnd('2025-03-01', years(10)).date).toBe('2035-03-01');
    expect(rules.retentionEnd('2025-03-01', years(5)).date).toBe('2030-03-01');
    expect(() => rules.retentionEnd('2025-03-01', years(31))).toThrow(DomainError);
  });

  it('FIL-09 beyond 30 years only with the provision in force recorded, which the deadline then cites', () => {
    const end = rules.retentionEnd('2025-03-01', years(40), 'organic law X art. 9');
    expect(end).toMatchObject({ date: '2065-03-01', rule: 'organic law X art. 9' });
    expect(() => rules.retentionEnd('2025-03-01', years(40), '  ')).toThrow(DomainError);
    expect(rules.retentionEnd('2025-03-01', years(30), 'organic law X art. 9').rule).toContain(
      'bill art. 2 §3 4°',
    );
  });

  it('RET-06 a not-signalled draft is kept 1 year by default, flagged for legal validation', () => {
    expect(rules.draftRetention.pendingLegalValidation).toBe(true);
    expect(rules.draftRetentionEnd('2025-01-31').date).toBe('2026-01-31');
    const configured = createLegalRules({
      clock,
      overrides: { draftRetention: { duration: months(6), rule: 'decision of the controllers 2025-01' } },
    });
    expect(configured.draftRetention.pendingLegalValidation).toBe(false);
    expect(configured.draftRetentionEnd('2025-08-31').date).toBe('2026-02-28');
  });

  it('RET-05 a necessity review is due 12 months after closure', () => {
    expect(rules.nextNecessityReview('2025-03-01').date).toBe('2026-03-01');
  });

  it('RET-01 lists a case for destruction 30 days before its retention ends, a lead configurable in days only', () => {
    expect(rules.destructionListingOn('2055-03-01')).toBe('2055-01-30');
    const configured = createLegalRules({
      clock,
      overrides: { destructionListLead: { duration: days(10), rule: 'DPO decision 2026-12' } },
    });
    expect(configured.destructionListingOn('2055-03-01')).toBe('2055-02-19');
    expect(() =>
      createLegalRules({ clock, overrides: { destructionListLead: { duration: months(1), rule: 'x' } } }),
    ).toThrow(/destructionListLead: express this lead in days/);
  });

  it('FIL-09 reminds the holder of an own-file copy 30 days before it falls due, a lead configurable in days only', () => {
    expect(rules.ownFileCopyReminderOn('2028-03-01')).toBe('2028-01-31');
    const configured = createLegalRules({
      clock,
      overrides: { ownFileCopyReminderLead: { duration: days(60), rule: 'DPO decision 2026-12' } },
    });
    expect(configured.ownFileCopyReminderOn('2028-03-01')).toBe('2028-01-01');
    expect(() =>
      createLegalRules({ clock, overrides: { ownFileCopyReminderLead: { duration: months(1), rule: 'x' } } }),
    ).toThrow(/ownFileCopyReminderLead: express this lead in days/);
  });
});

describe("prosecutor's list and answers (bill arts 7-8)", () => {
  it('LST-03 RET-04 an entry registered 2025-06-01 is erased at the latest with 2055-06-01, gone on 2055-06-02', () => {
    const due = rules.prosecutorListErasureDue(new Date('2025-06-01T08:00:00Z'));
    expect(due).toMatchObject({ date: '2055-06-01', rule: 'bill art. 8 al. 2' });
    expect(due.endsAt.toISOString()).toBe('2055-06-01T22:00:00.000Z');
  });

  it('LST-03 the list period cannot be extended beyond 30 years', () => {
    const bad = { prosecutorListErasure: { duration: years(31), rule: 'x' } };
    expect(() => createLegalRules({ clock, overrides: bad })).toThrow(/bill art\. 8 al\. 2/);
  });

  it('RGT-RST-07 a restriction starting 2026-01-31 is reviewed at the latest on 2027-01-31', () => {
    expect(rules.restrictionReviewBy('2026-01-31')).toMatchObject({
      date: '2027-01-31',
      rule: expect.stringContaining('bill art. 7 al. 1'),
    });
  });

  it('RGT-RST-09 request dated 2025-01-15: the prosecutor answers by 2025-04-15, overdue from 2025-04-16', () => {
    const due = rules.prosecutorAnswerDue('2025-01-15');
    expect(due).toMatchObject({ date: '2025-04-15', rule: 'bill art. 7 al. 2' });
    clock.set('2025-04-15T21:59:59Z');
    expect(rules.isOverdue(due)).toBe(false);
    clock.set('2025-04-15T22:00:00Z');
    expect(rules.isOverdue(due)).toBe(true);
    expect(rules.prosecutorAnswerDue('2024-11-30').date).toBe('2025-02-28');
  });
});

describe('data-subject rights (L2007 arts 10-14), per regime', () => {
  it('RGT-ACC-03 access answer due 45 days after receipt: received 2025-01-10, due 2025-02-24, overdue on 2025-02-25', () => {
    const due = rules.accessAnswerDue('gdpr', new Date('2025-01-10T09:00:00Z'));
    expect(due.date).toBe('2025-02-24');
    expect(due.rule).toContain('art. 10 §1');
    clock.set('2025-02-24T22:59:00Z');
    expect(rules.isOverdue(due)).toBe(false);
    clock.set('2025-02-25T00:00:00Z');
    expect(rules.isOverdue(due)).toBe(true);
  });

  it('RGT-REC-04 rectification notices within one month: received 2025-01-31, due 2025-02-28', () => {
    expect(rules.rectificationNoticeDue('law2018_title2', '2025-01-31').date).toBe('2025-02-28');
    expect(rules.rectificationNoticeDue('law2018_title2', '2024-01-31').date).toBe('2024-02-29');
    expect(rules.rectificationNoticeDue('law2018_title2', '2025-12-31').date).toBe('2026-01-31');
  });

  it('RGT-OBJ-02 an objection received on 2025-03-15 is answered by 2025-04-15', () => {
    expect(rules.objectionAnswerDue('gdpr', '2025-03-15')).toMatchObject({
      date: '2025-04-15',
      rule: 'L2007 art. 12 §3 al. 2',
    });
  });

  it('RGT-REC-05 the identity of a recipient is kept at least 12 months after the disclosure', () => {
    expect(rules.recipientIdentityKeptUntil('gdpr', '2024-02-29').date).toBe('2025-02-28');
    const shorter = { regimes: { gdpr: { recipientIdentityRetention: { duration: months(6), rule: 'x' } } } };
    expect(() => createLegalRules({ clock, overrides: shorter })).toThrow(/shorter than 12 months/);
  });

  it('RGT-ACC-06 a request within 12 months of the previous answered request is a repeat; after them it is not', () => {
    expect(rules.isRepeatAccessRequest('gdpr', '2025-01-10', '2025-03-10')).toBe(true);
    expect(rules.isRepeatAccessRequest('gdpr', '2025-01-10', '2026-01-10')).toBe(true);
    expect(rules.isRepeatAccessRequest('gdpr', '2025-01-10', '2026-01-11')).toBe(false);
  });

  it('RGT-CRT-02 court action admissible once the request is rejected or the deadline is missed (art. 14 §5)', () => {
    const access = { kind: 'access', receivedAt: '2025-01-10', rejected: false } as const;
    clock.set('2025-02-24T12:00:00Z');
    expect(rules.courtActionAdmissibility('gdpr', access)).toMatchObject({
      admissible: false,
      rule: 'L2007 art. 14 §5',
    });
    expect(rules.courtActionAdmissibility('gdpr', { ...access, rejected: true }).reason).toBe('rejected');
    clock.set('2025-02-25T12:00:00Z');
    expect(rules.courtActionAdmissibility('gdpr', access).reason).toBe('deadline_missed');
    expect(
      rules.courtActionAdmissibility('gdpr', { ...access, answeredAt: new Date('2025-02-20T10:00:00Z') })
        .admissible,
    ).toBe(false);
    expect(
      rules.courtActionAdmissibility('gdpr', { ...access, answeredAt: new Date('2025-02-25T10:00:00Z') })
        .admissible,
    ).toBe(true);
    // Rectification, erasure and objection: one month (art. 12 §3 al. 1), not 45 days.
    const erasure = { kind: 'erasure', receivedAt: '2025-01-10', rejected: false } as const;
    expect(rules.courtActionAdmissibility('gdpr', erasure)).toMatchObject({
      admissible: true,
      deadline: { date: '2025-02-10' },
    });
  });

  it('SCO-07 deadlines are parameters per regime, the seed-law values by default', () => {
    const gdprAccess = { duration: months(1), rule: 'GDPR art. 12(3) (external – verify)' };
    const configured = createLegalRules({
      clock,
      overrides: { regimes: { gdpr: { accessAnswer: gdprAccess } } },
    });
    expect(configured.accessAnswerDue('gdpr', '2025-01-31')).toMatchObject({
      date: '2025-02-28',
      rule: gdprAccess.rule,
    });
    expect(configured.accessAnswerDue('law2018_title2', '2025-01-31').date).toBe('2025-03-17');
    for (const regime of REGIMES.filter((r) => r !== 'intelligence')) {
      expect(rules.accessAnswerDue(regime, '2025-01-10').date).toBe('2025-02-24');
    }
  });

  it('SCO-15 intelligence regime (L2007 art. 3 §4): no direct deadline, rights go through the Commission', () => {
    expect(rules.regimes.intelligence.rightsRoute).toBe('commission');
    const error = domainError(() => rules.accessAnswerDue('intelligence', '2025-01-10'));
    expect(error.code).toBe('conflict');
    expect(error.details.rule).toContain('art. 3 §4');
    expect(() => rules.objectionAnswerDue('intelligence', '2025-01-10')).toThrow(DomainError);
    const request = { kind: 'access', receivedAt: '2025-01-10', rejected: true } as const;
    expect(() => rules.courtActionAdmissibility('intelligence', request)).toThrow(DomainError);
  });
});

describe('declaration and penalties (L1992/L2007 arts 17, 41)', () => {
  it('DCL-03 declaration submitted Friday 2025-05-30: acknowledgement due Wednesday 2025-06-04', () => {
    const due = rules.commissionAcknowledgementDue(new Date('2025-05-30T15:00:00Z'));
    expect(due).toMatchObject({ date: '2025-06-04', rule: 'L2007 art. 17 §2; L1992 art. 17 §2' });
    expect(due.endsAt.toISOString()).toBe('2025-06-04T22:00:00.000Z');
  });

  it('PEN-17 a management prohibition ending more than 2 years after its start is refused', () => {
    expect(() => rules.assertManagementProhibition('2024-02-29', '2026-02-28')).not.toThrow();
    const error = domainError(() => rules.assertManagementProhibition('2024-02-29', '2026-03-01'));
    expect(error.details).toMatchObject({ rule: 'L1992 art. 41 §2', fields: [{ field: '/endsOn' }] });
    expect(() => rules.assertManagementProhibition('2025-01-10', '2025-01-09')).toThrow(DomainError);
  });
});

describe('derogations from telling recipients (L1992 art. 12 §3 al. 3)', () => {
  it('RGT-REC-06 switching recipient notices off for a regime is refused without its legal reference, and kept with it', () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    expect(() =>
      createLegalRules({ clock, overrides: { recipientNoticeDerogations: { gdpr: { reference: ' ' } } } }),
    ).toThrow(/recipientNoticeDerogations\/gdpr\/reference/);
    const rules = createLegalRules({
      clock,
      overrides: {
        recipientNoticeDerogations: { law2018_title2: { reference: 'RD of 13 February 2001, art. 1' } },
      },
    });
    expect(rules.recipientNoticeDerogations).toEqual({ law2018_title2: 'RD of 13 February 2001, art. 1' });
  });
});
