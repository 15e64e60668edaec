import type { ReactNode } from 'react';
import { useAuth } from '../../app/auth.js';
import { JustificationForm } from './JustificationForm.js';

/** Pages with case content: the working session says why first (issue 4 scope 7). */
export function RequireJustification({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  if (state.status === 'signed_in' && state.session.justification === null) return <JustificationForm />;
  return children;
}
