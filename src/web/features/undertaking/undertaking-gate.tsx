/**
 * Whether the signed-in user still has to accept the secrecy undertaking (CP art. 458ter §2,
 * SPEC ROL-07) or their controller's awareness module (SEC-09). The server refuses case access
 * without them; the app says so first and shows the texts (UndertakingPage).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useAuth } from '../../app/auth.js';
import { i18n, isLanguage } from '../../i18n/index.js';
import { fetchUndertakingStatus } from './undertaking-api.js';

export type GateState =
  | { status: 'loading' }
  | { status: 'due' }
  | { status: 'clear' }
  | { status: 'error'; error: unknown };

interface Gate {
  state: GateState;
  /** Asks the server again; resolves with the new state. */
  refresh(): Promise<GateState>;
}

const GateContext = createContext<Gate | undefined>(undefined);

export function UndertakingGateProvider({ children }: { children: ReactNode }) {
  const { state: auth } = useAuth();
  // An enrolment session may not ask (the server answers only enrolment requests to it); the
  // full session that replaces it asks again.
  const userId =
    auth.status === 'signed_in' && auth.session.purpose === 'full' ? auth.session.userId : undefined;
  // Whose state it is: right after a login, the previous answer is not this user's.
  const [answer, setAnswer] = useState<{ userId: string; state: GateState }>();

  const refresh = useCallback(async (): Promise<GateState> => {
    if (!userId) return { status: 'loading' };
    const language = isLanguage(i18n.language) ? i18n.language : 'fr';
    let next: GateState;
    try {
      const status = await fetchUndertakingStatus(language);
      next = { status: status.mustAccept ? 'due' : 'clear' };
    } catch (error) {
      next = { status: 'error', error };
    }
    setAnswer({ userId, state: next });
    return next;
  }, [userId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const state: GateState = answer && answer.userId === userId ? answer.state : { status: 'loading' };
  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <GateContext.Provider value={value}>{children}</GateContext.Provider>;
}

export function useUndertakingGate(): Gate {
  const gate = useContext(GateContext);
  if (!gate) throw new Error('useUndertakingGate outside UndertakingGateProvider');
  return gate;
}
