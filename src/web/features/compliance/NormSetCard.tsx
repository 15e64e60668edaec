/**
 * One imported norm set (SPEC SEC-04): its origin (issuer, source, who imported it), how many
 * controls have each status, and its controls grouped by status, each with its note and the editor
 * of its status.
 */
import { useTranslation } from 'react-i18next';
import { CONTROL_STATUSES, type NormSet } from '../../../contracts/compliance.js';
import { formatDateTime } from '../../i18n/format.js';
import { ControlEditor } from './ControlEditor.js';
import { controlsByStatus } from './norm-set-view.js';

export function NormSetCard({
  normSet,
  onChanged,
}: {
  normSet: NormSet;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `norm-set-${normSet.id}`;
  return (
    <article className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {normSet.code} {normSet.version} – {normSet.title}
      </h3>
      <dl className="facts">
        <dt>{t('compliance.normSets.issuer')}</dt>
        <dd>{normSet.issuer}</dd>
        <dt>{t('compliance.normSets.source')}</dt>
        <dd>{normSet.source}</dd>
        <dt>{t('compliance.normSets.imported')}</dt>
        <dd>
          {normSet.importedBy}, {formatDateTime(normSet.importedAt, i18n.language)}
        </dd>
        <dt>{t('compliance.normSets.summary')}</dt>
        <dd>
          <ul className="plain-list">
            {CONTROL_STATUSES.map((status) => (
              <li key={status}>
                {t(`compliance.controlStatuses.${status}`)}: {normSet.summary[status] ?? 0}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {controlsByStatus(normSet.controls).map((group) => (
        <section key={group.status} aria-labelledby={`${headingId}-${group.status}`}>
          <h4 id={`${headingId}-${group.status}`}>
            {t(`compliance.controlStatuses.${group.status}`)} ({group.controls.length})
          </h4>
          <ul className="tasks">
            {group.controls.map((control) => (
              <li key={control.id} className="task">
                <ControlEditor normSetId={normSet.id} control={control} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
