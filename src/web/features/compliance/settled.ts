/**
 * A page whose sections come from several resources that each may be refused on its own: the
 * compliance owner reads the dashboard but not the instance's evidence (SPEC SCO-12, SEC-03). Each
 * part is loaded, or its failure kept for its section, without failing the others.
 */
export type Part<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settle<T>(promise: Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
