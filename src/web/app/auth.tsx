/**
 * Who is signed in, as the server says (GET /api/session): the browser never decides it
 * (ASVS V7.2.1). The session cookie is HttpOnly; the app only keeps the CSRF token the server
 * hands out with the session, and sends it back on every state-changing request.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../../contracts/auth.js';
import { ApiError, api, onSessionLost, setCsrfToken } from './api.js';

/** Why the user is signed out, to tell them on the login page. */
export type SignedOutReason = 'logged_out' | 'logged_out_everywhere' | 'session_ended';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed_out'; reason?: SignedOutReason }
  | { status: 'signed_in'; session: SessionInfo };

interface Auth {
  state: AuthState;
  /** After a successful login. */
  signedIn(session: SessionInfo): void;
  /** Ends this session on the server (POST /api/auth/logout). */
  logout(): Promise<void>;
  /** Ends every session of the user (POST /api/auth/logout-everywhere). */
  logoutEverywhere(): Promise<void>;
  /** The server ended this session (revoked, expired): forget it. */
  sessionEnded(reason?: SignedOutReason): void;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const signedIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed_in', session });
  }, []);

  const sessionEnded = useCallback((reason: SignedOutReason = 'session_ended') => {
    setCsrfToken(undefined);
    setState({ status: 'signed_out', reason });
  }, []);

  useEffect(() => {
    onSessionLost(() => sessionEnded('session_ended'));
    const controller = new AbortController();
    api<SessionInfo>('GET', '/api/session', { anonymous: true, signal: controller.signal }).then(
      signedIn,
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // No session is the ordinary case of a first visit: nothing to tell.
        setCsrfToken(undefined);
        setState({ status: 'signed_out' });
        if (!(error instanceof ApiError)) throw error;
      },
    );
    return () => {
      controller.abort();
      onSessionLost(undefined);
    };
  }, [signedIn, sessionEnded]);

  const logout = useCallback(async () => {
    await api<void>('POST', '/api/auth/logout');
    sessionEnded('logged_out');
  }, [sessionEnded]);

  const logoutEverywhere = useCallback(async () => {
    await api<void>('POST', '/api/auth/logout-everywhere');
    sessionEnded('logged_out_everywhere');
  }, [sessionEnded]);

  const value = useMemo(
    () => ({ state, signedIn, logout, logoutEverywhere, sessionEnded }),
    [state, signedIn, logout, logoutEverywhere, sessionEnded],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
