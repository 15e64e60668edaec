import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { maskNrn, normaliseBirthDate, normaliseName, normaliseNrn } from './normalise.js';

/** Builds a national register number from the published rule, independently of the code under test. */
function makeNrn(year: number, month: number, day: number, serial: number): string {
  const nine = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  const prefixed = BigInt(year >= 2000 ? `2${nine}` : nine);
  const check = 97n - (prefixed % 97n);
  return `${nine}${String(check).padStart(2, '0')}`;
}

function validationIssue(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.code).toBe('validation_failed');
    expect(domainError.details.fields).toHaveLength(1);
    return domainError.details.fields![0]!;
  }
  throw new Error('expected a validation error');
}

describe('normaliseNrn (SPEC DAT-01)', () => {
  it('accepts the printed form and returns the 11 digits of a birth before 2000', () => {
    expect(normaliseNrn('85.07.30-033.28')).toEqual({
      digits: '85073003328',
      century: 1900,
      register: 'national',
    });
    expect(normaliseNrn(' 85 07 30 033 28 ').digits).toBe('85073003328');
    expect(normaliseNrn('850730-03328').digits).toBe('85073003328');
  });

  it('applies the "2" prefix rule for births from 2000', () => {
    const nrn = makeNrn(2003, 2, 14, 123);
    expect(normaliseNrn(nrn)).toEqual({ digits: nrn, century: 2000, register: 'national' });
    expect(normaliseNrn(makeNrn(2000, 1, 1, 1)).century).toBe(2000);
    expect(normaliseNrn(makeNrn(1999, 12, 31, 997)).century).toBe(1900);
  });

  it('accepts bis numbers (month + 20 or + 40) and unknown date parts', () => {
    expect(normaliseNrn(makeNrn(1990, 25, 3, 456)).register).toBe('bis');
    expect(normaliseNrn(makeNrn(2010, 52, 31, 2)).register).toBe('bis');
    expect(normaliseNrn(makeNrn(1970, 0, 0, 11)).register).toBe('national');
    expect(normaliseNrn(makeNrn(1970, 40, 0, 11)).register).toBe('bis');
  });

  it('checks the birth date against the calendar of the matched century', () => {
    expect(normaliseNrn(makeNrn(2000, 2, 29, 5)).century).toBe(2000);
    expect(validationIssue(() => normaliseNrn(makeNrn(1900, 2, 29, 5))).message).toMatch(/birth date/);
    expect(validationIssue(() => normaliseNrn(makeNrn(1985, 2, 30, 5))).message).toMatch(/birth date/);
    expect(validationIssue(() => normaliseNrn(makeNrn(1985, 13, 1, 5))).message).toMatch(/birth date/);
    expect(validationIssue(() => normaliseNrn(makeNrn(1985, 35, 1, 5))).message).toMatch(/birth date/);
    expect(validationIssue(() => normaliseNrn(makeNrn(1985, 1, 32, 5))).message).toMatch(/birth date/);
  });

  it('rejects wrong lengths, foreign characters and wrong check digits, without echoing the input', () => {
    for (const bad of [
      '',
      '8507300332',
      '850730033281',
      '85O73003328',
      '85/07/30-033.28',
      '85.07.30-033.29',
    ]) {
      const issue = validationIssue(() => normaliseNrn(bad));
      expect(issue.field).toBe('nationalRegisterNumber');
      expect(issue.message).not.toContain('850730');
    }
    expect(validationIssue(() => normaliseNrn('85.07.30-033.29')).message).toMatch(/modulo 97/);
    expect(validationIssue(() => normaliseNrn('x', '/body/nrn')).field).toBe('/body/nrn');
  });

  it('masks all but the birth date', () => {
    expect(maskNrn('85.07.30-033.28')).toBe('85.07.30-***.**');
    expect(() => maskNrn('85.07.30-033.29')).toThrow(DomainError);
  });

  const validNumber = fc
    .record({
      date: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      serial: fc.integer({ min: 1, max: 997 }),
      monthOffset: fc.constantFrom(0, 20, 40),
    })
    .map(({ date, serial, monthOffset }) => ({
      year: date.getUTCFullYear(),
      nrn: makeNrn(date.getUTCFullYear(), date.getUTCMonth() + 1 + monthOffset, date.getUTCDate(), serial),
    }));

  it('property: every valid number normalises (with its century) and masks', () => {
    fc.assert(
      fc.property(validNumber, ({ year, nrn }) => {
        const printed = `${nrn.slice(0, 2)}.${nrn.slice(2, 4)}.${nrn.slice(4, 6)}-${nrn.slice(6, 9)}.${nrn.slice(9)}`;
        const normalised = normaliseNrn(printed);
        expect(normalised.digits).toBe(nrn);
        expect(normalised.century).toBe(year >= 2000 ? 2000 : 1900);
        expect(maskNrn(nrn)).toBe(`${printed.slice(0, 9)}***.**`);
      }),
      { numRuns: 500 },
    );
  });

  it('property: every single-digit change is rejected, except a year change that the other century rule explains', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ year, nrn }, position, shift) => {
          const digit = (Number(nrn[position]) + shift) % 10;
          const changed = `${nrn.slice(0, position)}${digit}${nrn.slice(position + 1)}`;
          let accepted: ReturnType<typeof normaliseNrn> | undefined;
          try {
            accepted = normaliseNrn(changed);
          } catch (error) {
            expect((error as DomainError).code).toBe('validation_failed');
          }
          if (accepted) {
            // The "2" prefix adds 2·10^9 ≡ 68 (mod 97); changing the second year digit by ±6 moves
            // the base by ±6·10^7 ≡ ∓68 (mod 97), so the other century's rule then matches.
            expect(position).toBe(1);
            expect(Math.abs(Number(changed[1]) - Number(nrn[1]))).toBe(6);
            expect(accepted.century).not.toBe(year >= 2000 ? 2000 : 1900);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('documents the century ambiguity that the checksum cannot resolve', () => {
    const born2001 = makeNrn(2001, 6, 15, 42);
    expect(normaliseNrn(born2001).century).toBe(2000);
    expect(normaliseNrn(`07${born2001.slice(2)}`).century).toBe(1900);
  });
});

describe('normaliseName', () => {
  it('ignores case, accents and runs of spaces, hyphens and apostrophes', () => {
    expect(normaliseName("Élodie  D'Hondt")).toBe('elodie d hondt');
    expect(normaliseName('elodie d hondt')).toBe('elodie d hondt');
    expect(normaliseName('ELODIE D-HONDT')).toBe('elodie d hondt');
    expect(normaliseName('  Van-den   Bossche ')).toBe(normaliseName('van den bossche'));
    expect(normaliseName('’t Hooft')).toBe('t hooft');
  });

  it('decomposes compatibility characters and folds letters NFKD leaves intact', () => {
    expect(normaliseName('Ørsted')).toBe('orsted');
    expect(normaliseName('Cœur-Strauß')).toBe('coeur strauss');
    expect(normaliseName('Łukasz Ðorđević')).toBe('lukasz dordevic');
    expect(normaliseName('ﬁlip Müller')).toBe('filip muller');
    expect(normaliseName('Zoë Noël')).toBe('zoe noel');
  });

  it('rejects a name without any letter', () => {
    expect(validationIssue(() => normaliseName(" -' ")).field).toBe('name');
    expect(validationIssue(() => normaliseName('', '/body/lastName')).field).toBe('/body/lastName');
  });
});

describe('normaliseBirthDate', () => {
  it('accepts existing ISO dates only', () => {
    expect(normaliseBirthDate('2024-02-29')).toBe('2024-02-29');
    expect(normaliseBirthDate(' 1985-07-30 ')).toBe('1985-07-30');
    for (const bad of ['2023-02-29', '1985-7-30', '30/07/1985', '1985-13-01', '1985-00-10', '']) {
      expect(validationIssue(() => normaliseBirthDate(bad)).field).toBe('birthDate');
    }
  });
});
