/**
 * Break-glass access (issue 6 scope 7; L2007 art. 16 §3; SPEC SEC-12, PRC-06): the host's staff have
 * no standing access to case content. The DPO sees its controller's grants, instructs (reference and
 * hours) or refuses, revokes, and reads each grant's report; the host's staff see theirs, ask under a
 * support ticket, read within the window and close. The server decides who sees and does what.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakGlassGrant } from '../../../contracts/break-glass.js';
import type { Organisation } from '../../../contracts/identity.js';
import { useAuth } from '../../app/auth.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { fetchControllers, fetchGrants } from './break-glass-api.js';
import { asksForBreakGlass } from './break-glass-roles.js';
import { GrantCard } from './GrantCard.js';
import { RequestForm } from './RequestForm.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; grants: BreakGlassGrant[]; controllers: Organisation[] };

const OPEN: readonly BreakGlassGrant['status'][] = ['requested', 'approved'];

export function BreakGlassPage() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const host = state.status === 'signed_in' && asksForBreakGlass(state.session);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [{ grants }, controllers] = await Promise.all([
          fetchGrants(signal),
          host ? fetchControllers(signal) : Promise.resolve([]),
        ]);
        setLoad({ status: 'ready', grants, controllers });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [host],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const changed = useCallback(
    async (done: string) => {
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    },
    [reload],
  );

  const grants = load.status === 'ready' ? load.grants : [];
  const open = grants.filter((grant) => OPEN.includes(grant.status));
  const past = grants.filter((grant) => !OPEN.includes(grant.status));
  const card = (grant: BreakGlassGrant) => (
    <GrantCard key={grant.id} grant={grant} asGrantee={host} onChanged={changed} />
  );
  return (
    <>
      <PageHeading title={t('breakGlass.title')} />
      <p className="intro">{t(host ? 'breakGlass.introHost' : 'breakGlass.introDpo')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="break-glass-open">
            <h2 id="break-glass-open">{t('breakGlass.open.title')}</h2>
            {open.length === 0 ? <p>{t('breakGlass.open.none')}</p> : open.map(card)}
          </section>
          {host && (
            <section className="panel" aria-labelledby="break-glass-request">
              <h2 id="break-glass-request">{t('breakGlass.request.title')}</h2>
              <p>{t('breakGlass.request.intro')}</p>
              <RequestForm
                controllers={load.controllers}
                onRequested={(ticket) => changed(t('breakGlass.request.done', { ticket }))}
              />
            </section>
          )}
          <section className="panel" aria-labelledby="break-glass-past">
            <h2 id="break-glass-past">{t('breakGlass.past.title')}</h2>
            {past.length === 0 ? <p>{t('breakGlass.past.none')}</p> : past.map(card)}
          </section>
        </>
      )}
    </>
  );
}
