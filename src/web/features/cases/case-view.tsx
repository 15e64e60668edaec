/**
 * What the parts of the case page share: the case as the server shows it to the reader, the
 * reader's organisation, and how a part reloads the case and announces what it did.
 */
import { createContext, useContext } from 'react';
import type { CaseDetail } from '../../../contracts/cases.js';

export interface CaseView {
  kase: CaseDetail;
  /** The reader's own organisation. */
  organisationId: string;
  /** Reads the case again, then announces `message` in the page's status region and focuses it. */
  changed(message: string): Promise<void>;
  /** An organisation's name, from what the case shows of it. */
  nameOf(organisationId: string): string;
  can(action: CaseDetail['allowedActions'][number]): boolean;
}

export const CaseViewContext = createContext<CaseView | undefined>(undefined);

export function useCaseView(): CaseView {
  const view = useContext(CaseViewContext);
  if (!view) throw new Error('useCaseView outside the case page');
  return view;
}

/** The names of every organisation the case mentions. */
export function organisationNames(kase: CaseDetail): Map<string, string> {
  const refs = [
    ...kase.audience.map((entry) => entry.organisation),
    ...kase.framework.participants,
    ...kase.participants.map((participant) => participant.organisation),
    ...kase.items.map((item) => item.controller),
    ...kase.persons.map((person) => person.controller),
  ];
  return new Map(refs.map((ref) => [ref.id, ref.legalName]));
}
