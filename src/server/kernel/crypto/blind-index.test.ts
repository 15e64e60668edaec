import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { createBlindIndex } from './blind-index.js';

function recordingKeys(key = randomBytes(32)) {
  const inputs: string[] = [];
  return {
    inputs,
    blindIndexHmac: async (data: Buffer) => {
      inputs.push(data.toString('utf8'));
      return createHmac('sha256', key).update(data).digest();
    },
  };
}

describe('blind index', () => {
  it('gives every spelling of a national register number the same index', async () => {
    const index = createBlindIndex({ keys: recordingKeys() });
    const printed = await index.nrn('85.07.30-033.28');
    expect(printed).toHaveLength(32);
    expect(await index.nrn('85073003328')).toEqual(printed);
    expect(await index.nrn('85 07 30 033 28')).toEqual(printed);
  });

  it('gives a name and birth date the same index whatever the case, accents or spacing', async () => {
    const index = createBlindIndex({ keys: recordingKeys() });
    const first = await index.nameAndBirthDate("Élodie  D'Hondt", '1985-07-30');
    expect(await index.nameAndBirthDate('elodie d hondt', '1985-07-30')).toEqual(first);
    expect(await index.nameAndBirthDate('elodie d hondt', '1985-07-31')).not.toEqual(first);
    expect(await index.nameAndBirthDate('elodie hondt', '1985-07-30')).not.toEqual(first);
  });

  it('separates the kinds by domain and depends on the key', async () => {
    const keys = recordingKeys();
    await createBlindIndex({ keys }).nrn('85.07.30-033.28');
    await createBlindIndex({ keys }).nameAndBirthDate('Élodie', '1985-07-30');
    expect(keys.inputs).toEqual(['nrn:85073003328', 'name-dob:elodie|1985-07-30']);

    const other = createBlindIndex({ keys: recordingKeys() });
    expect(await other.nrn('85073003328')).not.toEqual(await createBlindIndex({ keys }).nrn('85073003328'));
  });

  it('rejects bad input whole, naming every bad field, before any HMAC is computed', async () => {
    const keys = recordingKeys();
    const index = createBlindIndex({ keys });
    const error = await index
      .nameAndBirthDate('--', '1985-02-30', { name: '/body/name', birthDate: '/body/dob' })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.fields?.map((issue) => issue.field)).toEqual([
      '/body/name',
      '/body/dob',
    ]);
    await expect(index.nrn('85.07.30-033.29')).rejects.toMatchObject({ code: 'validation_failed' });
    expect(keys.inputs).toEqual([]);
  });
});
