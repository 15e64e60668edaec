import { describe, expect, it } from 'vitest';
import { clearanceIssues, markableIssues, notificationIssues, orderIssues } from './contested-rules.js';

const request = { cause: 'rectification_request' as const, startedOn: '2026-11-02' as const };
const action = { cause: 'court_action' as const, startedOn: '2026-11-02' as const };
const today = '2026-12-05' as const;
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('contested rules', () => {
  it('RGT-CON-03 A-22 refuses a clearance without a basis, naming the field', () => {
    expect(fields(clearanceIssues({ date: '2026-12-01' }, request, today))).toEqual(['/body/basis']);
    expect(fields(clearanceIssues({}, request, today))).toEqual(['/body/basis', '/body/date']);
  });

  it('RGT-CON-03 a final judgment needs its reference, its date and the res judicata confirmation', () => {
    expect(fields(clearanceIssues({ basis: 'final_judgment' }, action, today))).toEqual([
      '/body/date',
      '/body/reference',
      '/body/resJudicataConfirmed',
    ]);
    expect(
      clearanceIssues(
        {
          basis: 'final_judgment',
          reference: 'Kort Ged. Gent 26/1234/C',
          date: '2026-12-04',
          resJudicataConfirmed: true,
        },
        action,
        today,
      ),
    ).toEqual([]);
  });

  it('RGT-CON-03 A-22 a request ends when executed or withdrawn; a court action never by an execution', () => {
    expect(clearanceIssues({ basis: 'request_executed', date: '2026-12-04' }, request, today)).toEqual([]);
    expect(clearanceIssues({ basis: 'request_withdrawn', date: '2026-12-04' }, action, today)).toEqual([]);
    expect(fields(clearanceIssues({ basis: 'request_executed', date: '2026-12-04' }, action, today))).toEqual(
      ['/body/basis'],
    );
    expect(
      fields(
        clearanceIssues(
          { basis: 'request_withdrawn', date: '2026-12-04', resJudicataConfirmed: true },
          request,
          today,
        ),
      ),
    ).toEqual(['/body/resJudicataConfirmed']);
  });

  it('RGT-CON-03 dates the end event between the start of the marking and today', () => {
    expect(clearanceIssues({ basis: 'request_executed', date: '2026-12-06' }, request, today)).toEqual([
      { field: '/body/date', message: 'is in the future' },
    ]);
    expect(clearanceIssues({ basis: 'request_executed', date: '2026-11-01' }, request, today)).toEqual([
      { field: '/body/date', message: 'is before the marking started' },
    ]);
    expect(clearanceIssues({ basis: 'request_executed', date: '2026-02-30' }, request, today)).toEqual([
      { field: '/body/date', message: 'is not a calendar date' },
    ]);
  });

  it('RGT-CON-01 RGT-CRT-01 refuses a notification or an order in the future', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    expect(notificationIssues(new Date('2026-12-05T10:00:00Z'), now)).toEqual([]);
    expect(fields(notificationIssues(new Date('2026-12-05T10:00:01Z'), now))).toEqual(['/body/notifiedAt']);
    expect(orderIssues('2026-12-05', today)).toEqual([]);
    expect(fields(orderIssues('2026-12-06', today))).toEqual(['/body/orderedOn']);
  });

  it('RGT-CON-01 only the controller marks its items', () => {
    const controllers = new Map([
      ['a', 'police'],
      ['b', 'cpas'],
    ]);
    expect(markableIssues(['a', 'b', 'c'], controllers, 'police')).toEqual([
      { field: '/body/itemIds/1', message: 'is controlled by another organisation: its controller marks it' },
      { field: '/body/itemIds/2', message: 'is not an item of this case' },
    ]);
  });
});
