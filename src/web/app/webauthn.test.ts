import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlToBuffer, bufferToBase64url } from './base64url.js';
import { creationOptions, requestOptions } from './webauthn.js';

const bytes = (buffer: BufferSource | undefined) =>
  Buffer.from(buffer instanceof ArrayBuffer ? buffer : (buffer as ArrayBufferView).buffer);

describe('base64url', () => {
  it('encodes as Node does, without padding, and decodes back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (data) => {
        const text = bufferToBase64url(data);
        expect(text).toBe(Buffer.from(data).toString('base64url'));
        expect(new Uint8Array(base64urlToBuffer(text))).toEqual(data);
      }),
    );
  });

  it('encodes only the viewed bytes of a view into a larger buffer', () => {
    const view = new Uint8Array([1, 2, 255, 254, 3]).subarray(2, 4);
    expect(bufferToBase64url(view)).toBe('__4');
  });
});

describe('WebAuthn options from the server JSON', () => {
  it('turns the challenge, user id and credential ids into bytes, and keeps the rest', () => {
    const options = creationOptions({
      challenge: 'AAEC',
      rp: { name: 'Concerto', id: 'localhost' },
      user: { id: '_-8', name: 'a@example.org', displayName: 'A' },
      pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
      excludeCredentials: [{ id: 'BAU', type: 'public-key', transports: ['internal'] }],
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      attestation: 'none',
      hints: ['client-device'],
    });
    expect([...bytes(options.challenge)]).toEqual([0, 1, 2]);
    expect([...bytes(options.user.id)]).toEqual([255, 239]);
    expect([...bytes(options.excludeCredentials?.[0]?.id)]).toEqual([4, 5]);
    expect(options).toMatchObject({
      rp: { name: 'Concerto', id: 'localhost' },
      user: { name: 'a@example.org', displayName: 'A' },
      pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      attestation: 'none',
    });
  });

  it('turns the challenge and the allowed credentials of a login into bytes', () => {
    const options = requestOptions({
      challenge: 'AAEC',
      rpId: 'localhost',
      allowCredentials: [{ id: 'BAU', type: 'public-key' }],
      userVerification: 'preferred',
      timeout: 60_000,
    });
    expect([...bytes(options.challenge)]).toEqual([0, 1, 2]);
    expect([...bytes(options.allowCredentials?.[0]?.id)]).toEqual([4, 5]);
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'preferred', timeout: 60_000 });
  });
});
