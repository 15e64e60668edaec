/**
 * The keyed hash a link is found by (ARCHITECTURE §3.3, as the persons' blind indexes): the
 * reference of a file in the connected system may point at a person (a police report number), so
 * it is stored encrypted under the case key, and found by HMAC-SHA256 under the blind-index key,
 * domain-separated per interconnection so that one system's reference never finds another's link.
 */
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';

export type ReferenceIndex = (interconnectionId: string, reference: string) => Promise<Buffer>;

export function createReferenceIndex({
  keys,
}: {
  keys: Pick<KeyProvider, 'blindIndexHmac'>;
}): ReferenceIndex {
  return (interconnectionId, reference) =>
    keys.blindIndexHmac(
      Buffer.from(`interconnection-reference:${interconnectionId}:${reference.trim()}`, 'utf8'),
    );
}
