import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../contracts/rights.js';
import { brusselsDay, clockState } from './clock-words.js';

const clock = (overrides: Partial<Clock> = {}): Clock => ({
  dueOn: '2026-12-20',
  rule: 'L2007 art. 10 §1 al. 3',
  overdue: false,
  reminder: null,
  ...overrides,
});

describe('the clock of a part, in words (RGT-ACC-03)', () => {
  it('RGT-ACC-03 says running, each reminder and overdue for an open part, overdue first', () => {
    expect(clockState(clock(), { answeredAt: null })).toEqual({ state: 'running' });
    expect(clockState(clock({ reminder: 'first' }), { answeredAt: null })).toEqual({
      state: 'first_reminder',
    });
    expect(clockState(clock({ reminder: 'second' }), { answeredAt: null })).toEqual({
      state: 'second_reminder',
    });
    expect(clockState(clock({ overdue: true, reminder: 'second' }), { answeredAt: null })).toEqual({
      state: 'overdue',
    });
  });

  it('RGT-ACC-03 RGT-CRT-02 says whether an answered part was answered by the day it was due, on Brussels days', () => {
    expect(clockState(clock(), { answeredAt: '2026-12-20T23:30:00Z' })).toEqual({
      state: 'answered_late',
      answeredOn: '2026-12-21',
    });
    expect(clockState(clock(), { answeredAt: '2026-12-20T22:30:00+02:00' })).toEqual({
      state: 'answered_in_time',
      answeredOn: '2026-12-20',
    });
    expect(brusselsDay('2026-06-30T22:15:00Z')).toBe('2026-07-01');
  });
});
