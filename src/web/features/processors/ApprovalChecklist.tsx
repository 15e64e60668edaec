/**
 * What approval of a processor record needs (L2007 art. 16 §1; SPEC PRC-01..PRC-05, PRC-07), as a
 * checklist: each element present or missing, in words (never a tick or a colour alone).
 */
import { useTranslation } from 'react-i18next';
import type { ProcessorRecord } from '../../../contracts/processors.js';
import { approvalChecklist, elementKey } from './processor-view.js';

export function ApprovalChecklist({ record }: { record: ProcessorRecord }) {
  const { t } = useTranslation();
  const entries = approvalChecklist(record);
  return (
    <ul className="plain-list">
      {entries.map((entry) =>
        entry.kind === 'element' ? (
          <li key={entry.element}>
            <strong className={entry.met ? 'badge badge--green' : 'badge badge--red'}>
              {t(entry.met ? 'processors.checklist.present' : 'processors.checklist.missing')}
            </strong>{' '}
            {t(`processors.checklist.elements.${elementKey(entry.element)}`)}
          </li>
        ) : (
          <li key={entry.field}>
            <strong className="badge badge--red">{t('processors.checklist.missing')}</strong>{' '}
            <span className="code">{entry.field}</span> {entry.message}
          </li>
        ),
      )}
    </ul>
  );
}
