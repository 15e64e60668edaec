/**
 * The restore tests of the backups (SPEC SEC-03; L2007 art. 16 §4: protection against accidental
 * loss): whether one succeeded within the last 12 months, the tests recorded with their outcome and
 * report, and the form to record one (`concerto restore` into an empty database, then checked).
 */
import { useTranslation } from 'react-i18next';
import type { RestoreTestList } from '../../../contracts/compliance.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { StatusBadge } from '../../app/StatusBadge.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { EvidenceStatus } from './EvidenceStatus.js';
import { COMPLIANCE_SECTIONS } from './indicator-view.js';
import { RestoreTestForm } from './RestoreTestForm.js';
import type { Part } from './settled.js';

export function RestoreTestsSection({
  tests,
  onChanged,
}: {
  tests: Part<RestoreTestList>;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby={COMPLIANCE_SECTIONS.restoreTests}>
      <h2 id={COMPLIANCE_SECTIONS.restoreTests} tabIndex={-1}>
        {t('compliance.restoreTests.title')}
      </h2>
      <p>{t('compliance.restoreTests.intro')}</p>
      {!tests.ok ? (
        <ProblemAlert failure={tests.error} />
      ) : (
        <>
          <EvidenceStatus status={tests.value.status} />
          {tests.value.restoreTests.length === 0 ? (
            <p>{t('compliance.restoreTests.none')}</p>
          ) : (
            <ScrollingTable caption={t('compliance.restoreTests.caption')}>
              <thead>
                <tr>
                  <th scope="col">{t('compliance.restoreTests.testedOn')}</th>
                  <th scope="col">{t('compliance.restoreTests.outcome')}</th>
                  <th scope="col">{t('compliance.restoreTests.reference')}</th>
                  <th scope="col">{t('compliance.recordedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {tests.value.restoreTests.map((test) => (
                  <tr key={test.id}>
                    <th scope="row">{formatDate(test.testedOn, i18n.language)}</th>
                    <td>
                      <StatusBadge
                        level={test.outcome === 'succeeded' ? 'green' : 'red'}
                        label={t(`compliance.restoreTests.outcomes.${test.outcome}`)}
                      />
                    </td>
                    <td>{test.reference}</td>
                    <td>
                      {test.recordedBy.displayName} ({test.recordedBy.organisation.legalName}),{' '}
                      {formatDateTime(test.recordedAt, i18n.language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollingTable>
          )}
          <RestoreTestForm onRecorded={() => onChanged(t('compliance.restoreTestForm.done'))} />
        </>
      )}
    </section>
  );
}
