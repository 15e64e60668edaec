/**
 * Normalisers for the values Concerto finds persons by (ARCHITECTURE §3.3: exact search uses
 * keyed blind indexes of normalised values, never plaintext columns). Two spellings of the
 * same identity must normalise to the same string, or the blind index misses the person.
 *
 * Messages never repeat the input: it is personal data (identification data, bill art. 2 §2
 * al. 1 1°) and errors end up in logs and problem responses.
 */
import { DomainError } from '../errors.js';

export interface NormalisedNrn {
  /** The 11 digits, without separators. */
  readonly digits: string;
  /** The checksum rule that matched: for births from 2000 the 9 digits are prefixed with "2". */
  readonly century: 1900 | 2000;
  /** `bis`: a number of the bis register (Crossroads Bank), whose month is raised by 20 or 40. */
  readonly register: 'national' | 'bis';
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', { fields: [{ field, message }] });
}

function checkDigits(nineDigits: number): number {
  return 97 - (nineDigits % 97);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Belgian national register number (rijksregisternummer / numéro de registre national),
 * SPEC DAT-01: validated, 11 digits YYMMDD‑SSS‑CC with CC = 97 − (YYMMDDSSS mod 97).
 * Accepts the printed form "85.07.30-033.28" as well as bare digits and spaces.
 * Month 00 and day 00 stand for an unknown birth date part and are accepted.
 */
export function normaliseNrn(value: string, field = 'nationalRegisterNumber'): NormalisedNrn {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(digits)) {
    throw invalid(field, 'must be 11 digits (dots, dashes and spaces are allowed)');
  }
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  // Both rules can never match at once: 2·10^9 is not a multiple of the prime 97.
  let century: 1900 | 2000;
  if (checkDigits(base) === check) century = 1900;
  else if (checkDigits(2_000_000_000 + base) === check) century = 2000;
  else throw invalid(field, 'check digits do not match (modulo 97)');

  const rawMonth = Number(digits.slice(2, 4));
  const register = rawMonth >= 20 ? 'bis' : 'national';
  const month = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  const day = Number(digits.slice(4, 6));
  const year = century + Number(digits.slice(0, 2));
  const knownDate = month > 0 && day > 0;
  if (month > 12 || day > 31 || (knownDate && !isCalendarDate(year, month, day))) {
    throw invalid(field, 'does not encode a valid birth date');
  }
  return { digits, century, register };
}

/** Masked display form "85.07.30-***.**" (SPEC DAT-01: the number is masked by default). */
export function maskNrn(value: string, field = 'nationalRegisterNumber'): string {
  const { digits } = normaliseNrn(value, field);
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-***.**`;
}

// Letters that Unicode NFKD does not decompose into a base letter plus a diacritic.
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Name as compared for search: compatibility decomposition, diacritics removed, lower case,
 * and every run of anything that is not a letter or digit (spaces, hyphens, apostrophes,
 * dots) reduced to one space, so "Élodie  D'Hondt" and "elodie d-hondt" are the same name.
 */
export function normaliseName(value: string, field = 'name'): string {
  const name = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/gu, (letter) => FOLDS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (name === '') throw invalid(field, 'must contain at least one letter');
  return name;
}

/** ISO 8601 calendar date (yyyy-mm-dd) that exists. */
export function normaliseBirthDate(value: string, field = 'birthDate'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw invalid(field, 'must be an existing date written yyyy-mm-dd');
  }
  return match[0];
}
