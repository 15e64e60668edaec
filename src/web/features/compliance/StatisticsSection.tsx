/**
 * Statistics per framework (issue 6 scope 9; SPEC PUR-03): a framework chosen among those the reader
 * may see, then its cases by state, the purposes they serve and the durations of the workflow.
 * Anonymised aggregates only: a count below the threshold is shown as "< 5", never as a number.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkStatistics, StatisticsFrameworkList } from '../../../contracts/statistics.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { fetchFrameworkStatistics } from './compliance-api.js';
import { COMPLIANCE_SECTIONS } from './indicator-view.js';
import type { Part } from './settled.js';
import { countCell } from './statistics-view.js';

type Load =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; statistics: FrameworkStatistics };

function Count({ count, threshold }: { count: number | null; threshold: number }) {
  const { t } = useTranslation();
  const cell = countCell(count, threshold);
  if (cell.kind === 'count') return <>{cell.value}</>;
  return (
    <>
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{t('compliance.statistics.suppressed', { threshold })}</span>
    </>
  );
}

function Days({ days }: { days: number | null }) {
  const { t } = useTranslation();
  return (
    <>
      {days === null
        ? t('compliance.statistics.noDuration')
        : t('compliance.statistics.days', { count: days })}
    </>
  );
}

function Tables({ statistics }: { statistics: FrameworkStatistics }) {
  const { t } = useTranslation();
  const threshold = statistics.smallCountThreshold;
  return (
    <>
      <p>
        {t('compliance.statistics.total')}: <Count count={statistics.total} threshold={threshold} />
      </p>
      <p className="form__hint">
        {t('compliance.statistics.threshold', { threshold })} {t('common.rule', { rule: statistics.rule })}
      </p>
      <ScrollingTable caption={t('compliance.statistics.byState', { framework: statistics.framework.name })}>
        <thead>
          <tr>
            <th scope="col">{t('compliance.statistics.state')}</th>
            <th scope="col">{t('compliance.statistics.cases')}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.casesByState.map((row) => (
            <tr key={row.state}>
              <th scope="row">{t(`caseStates.${row.state}`)}</th>
              <td>
                <Count count={row.count} threshold={threshold} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <ScrollingTable
        caption={t('compliance.statistics.byPurpose', { framework: statistics.framework.name })}
      >
        <thead>
          <tr>
            <th scope="col">{t('compliance.statistics.purpose')}</th>
            <th scope="col">{t('compliance.statistics.cases')}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.purposes.map((row) => (
            <tr key={row.purpose}>
              <th scope="row">
                <span className="code">{row.purpose}</span> {t(`purposes.${row.purpose}`)}
              </th>
              <td>
                <Count count={row.count} threshold={threshold} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <ScrollingTable
        caption={t('compliance.statistics.durations', { framework: statistics.framework.name })}
      >
        <thead>
          <tr>
            <th scope="col">{t('compliance.statistics.measure')}</th>
            <th scope="col">{t('compliance.statistics.cases')}</th>
            <th scope="col">{t('compliance.statistics.median')}</th>
            <th scope="col">{t('compliance.statistics.mean')}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.durations.map((row) => (
            <tr key={row.measure}>
              <th scope="row">{t(`compliance.statistics.measures.${row.measure}`)}</th>
              <td>
                <Count count={row.caseCount} threshold={threshold} />
              </td>
              <td>
                <Days days={row.medianDays} />
              </td>
              <td>
                <Days days={row.meanDays} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}

export function StatisticsSection({ frameworks }: { frameworks: Part<StatisticsFrameworkList> }) {
  const { t } = useTranslation();
  const [frameworkId, setFrameworkId] = useState('');
  const [load, setLoad] = useState<Load>({ status: 'idle' });

  useEffect(() => {
    if (frameworkId === '') {
      setLoad({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    fetchFrameworkStatistics(frameworkId, controller.signal).then(
      (statistics) => setLoad({ status: 'ready', statistics }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [frameworkId]);

  return (
    <section className="panel" aria-labelledby={COMPLIANCE_SECTIONS.statistics}>
      <h2 id={COMPLIANCE_SECTIONS.statistics} tabIndex={-1}>
        {t('compliance.statistics.title')}
      </h2>
      <p>{t('compliance.statistics.intro')}</p>
      {!frameworks.ok ? (
        <ProblemAlert failure={frameworks.error} />
      ) : frameworks.value.frameworks.length === 0 ? (
        <p>{t('compliance.statistics.noFrameworks')}</p>
      ) : (
        <>
          <SelectField
            id="compliance-statistics-framework"
            label={t('compliance.statistics.framework')}
            value={frameworkId}
            options={[
              { value: '', label: t('common.choose') },
              ...frameworks.value.frameworks.map((framework) => ({
                value: framework.id,
                label: framework.name,
              })),
            ]}
            onChange={setFrameworkId}
          />
          <div role="status">
            {load.status === 'loading' && <p>{t('common.loading')}</p>}
            {load.status === 'ready' && (
              <p>{t('compliance.statistics.shown', { framework: load.statistics.framework.name })}</p>
            )}
          </div>
          {load.status === 'ready' && <Tables statistics={load.statistics} />}
          <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
        </>
      )}
    </section>
  );
}
