/**
 * Serialises async work per key inside this process. The file key provider mutates a scope's
 * key file by read–modify–rename; two interleaved rotations would each write a file missing
 * the other's new version, and data keys wrapped under the lost version could never be
 * unwrapped again. Across processes the embedded data directory is already held by one
 * Concerto process at a time (data-directory lock), so in-process serialisation suffices.
 */
const tails = new Map<string, Promise<void>>();

export async function withExclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => current);
  tails.set(key, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
