/** What the ciphertexts of the court actions are bound to (ARCHITECTURE §3.3), under the case key. */
export const COURT_FIELDS = {
  action: (id: string) => [`court_action:${id}`, 1] as const,
  order: (id: string) => [`court_order:${id}`, 1] as const,
};
