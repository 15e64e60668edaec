/**
 * Keyed blind indexes for exact search on persons (ARCHITECTURE §3.3): HMAC-SHA256 under the
 * provider's blind-index key of a normalised value. Without the key, an index cannot be
 * recomputed from a guessed national number or name, which a plain hash would allow (the
 * space of national register numbers is small enough to enumerate).
 *
 * Each kind is domain-separated by a prefix so that a value of one kind can never match an
 * index of another kind.
 */
import { DomainError, type FieldIssue } from '../errors.js';
import type { KeyProvider } from './key-provider.js';
import { normaliseBirthDate, normaliseName, normaliseNrn } from './normalise.js';

export type BlindIndexKind = 'nrn' | 'name-dob';

export interface BlindIndex {
  /** Index of a national register number (any accepted spelling). */
  nrn(value: string, field?: string): Promise<Buffer>;
  /** Index of a name together with a birth date (yyyy-mm-dd). */
  nameAndBirthDate(
    name: string,
    birthDate: string,
    fields?: { name?: string; birthDate?: string },
  ): Promise<Buffer>;
}

function attempt<T>(normalise: () => T, issues: FieldIssue[]): T | undefined {
  try {
    return normalise();
  } catch (error) {
    if (!(error instanceof DomainError) || !error.details.fields) throw error;
    issues.push(...error.details.fields);
    return undefined;
  }
}

export function createBlindIndex({ keys }: { keys: Pick<KeyProvider, 'blindIndexHmac'> }): BlindIndex {
  const compute = (kind: BlindIndexKind, normalised: string) =>
    keys.blindIndexHmac(Buffer.from(`${kind}:${normalised}`, 'utf8'));

  return {
    nrn: async (value, field) => compute('nrn', normaliseNrn(value, field).digits),

    nameAndBirthDate: async (name, birthDate, fields = {}) => {
      // ARCHITECTURE §3.7: bad input is rejected whole, so both fields are checked first.
      const issues: FieldIssue[] = [];
      const normalisedName = attempt(() => normaliseName(name, fields.name), issues);
      const normalisedDate = attempt(() => normaliseBirthDate(birthDate, fields.birthDate), issues);
      if (normalisedName === undefined || normalisedDate === undefined) {
        throw new DomainError('validation_failed', { fields: issues });
      }
      // A normalised name holds no "|", so the separator keeps the pair unambiguous.
      return compute('name-dob', `${normalisedName}|${normalisedDate}`);
    },
  };
}
