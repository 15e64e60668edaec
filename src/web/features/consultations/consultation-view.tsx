/** What the parts of the consultation page share: the consultation, the reader, and how a part reports a change. */
import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../contracts/auth.js';
import type { Consultation } from '../../../contracts/consultations.js';

export interface ConsultationView {
  consultation: Consultation;
  userId: string;
  organisationId: string;
  roles: SessionInfo['roles'];
  /** Reads the consultation again, then announces `message` and focuses the page's status region. */
  changed(message: string): Promise<void>;
}

export const ConsultationViewContext = createContext<ConsultationView | undefined>(undefined);

export function useConsultationView(): ConsultationView {
  const view = useContext(ConsultationViewContext);
  if (!view) throw new Error('useConsultationView outside the consultation page');
  return view;
}
