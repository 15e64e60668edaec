/**
 * The rights desk (L2007 arts 9-15; bill arts 6-7; SPEC §9, issue 5 scope 11): the requests of
 * persons concerned that reach the controller (its DPO) or the prosecutor's office, each part
 * with its route, clocks and status; a part opened to act on; and the intake of a new request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsPart } from '../../../contracts/rights.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { IntakeForm } from './IntakeForm.js';
import { PartDetail } from './PartDetail.js';
import { RightsQueue } from './RightsQueue.js';
import { fetchRightsParts } from './rights-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; parts: RightsPart[] };

type Filter = 'open' | 'all';

export function RightsDeskPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [selected, setSelected] = useState<RightsPart>();
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLHeadingElement>(null);
  const [focusDetail, setFocusDetail] = useState(false);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const { parts } = await fetchRightsParts(filter === 'open', signal);
        setLoad({ status: 'ready', parts });
        // The opened part as the server now gives it; an answered one stays open though the queue of open parts leaves it out.
        setSelected((current) => (current && parts.find((part) => part.id === current.id)) ?? current);
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [filter],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  useEffect(() => {
    if (focusDetail) {
      detailRef.current?.focus();
      setFocusDetail(false);
    }
  }, [focusDetail]);

  const open = useCallback((part: RightsPart) => {
    setSelected(part);
    setFocusDetail(true);
  }, []);

  const changed = useCallback(
    async (done: string, part?: RightsPart) => {
      if (part) setSelected(part);
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    },
    [reload],
  );

  const takenIn = useCallback(
    async (part: RightsPart) => {
      await reload();
      setMessage(t('rights.intake.done', { name: part.requesterName }));
      open(part);
    },
    [reload, open, t],
  );

  return (
    <>
      <PageHeading title={t('rights.title')} />
      <p className="intro">{t('rights.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      <section className="panel" aria-labelledby="rights-queue">
        <h2 id="rights-queue">{t('rights.queue.title')}</h2>
        <SelectField
          id="rights-filter"
          label={t('rights.queue.filter')}
          value={filter}
          options={[
            { value: 'open', label: t('rights.queue.filters.open') },
            { value: 'all', label: t('rights.queue.filters.all') },
          ]}
          onChange={(value) => setFilter(value as Filter)}
        />
        {load.status === 'ready' &&
          (load.parts.length === 0 ? (
            <p>{t(filter === 'open' ? 'rights.queue.noneOpen' : 'rights.queue.none')}</p>
          ) : (
            <RightsQueue parts={load.parts} selectedId={selected?.id} onSelect={open} />
          ))}
      </section>
      {selected && (
        <PartDetail key={selected.id} part={selected} onChanged={changed} headingRef={detailRef} />
      )}
      <IntakeForm onTakenIn={takenIn} />
    </>
  );
}
