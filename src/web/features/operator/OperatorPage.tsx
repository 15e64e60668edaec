/**
 * The operator console (issue 3 scope 1–2): the organisations of the platform, their users and
 * the invitations that activate them. The server decides who may use it (operator only); the
 * page shows its refusal to anyone else.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../contracts/identity.js';
import { api } from '../../app/api.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { PageHeading } from '../../app/PageHeading.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { OrganisationForm } from './OrganisationForm.js';
import { RoyalDecreesPanel } from './RoyalDecreesPanel.js';
import { UsersPanel } from './UsersPanel.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; organisations: Organisation[] };

export function OperatorPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [selected, setSelected] = useState<string>();
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const list = await api<{ organisations: Organisation[] }>(
        'GET',
        '/api/admin/organisations',
        signal ? { signal } : {},
      );
      setLoad({ status: 'ready', organisations: list.organisations });
    } catch (error) {
      if (!signal?.aborted) setLoad({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  async function created(organisation: Organisation) {
    await reload();
    setSelected(organisation.id);
    setMessage(t('operator.organisation.created', { name: organisation.legalName }));
    // The form is emptied: the focus goes to the outcome.
    statusRef.current?.focus();
  }

  const organisations = load.status === 'ready' ? load.organisations : [];
  const current = organisations.find((organisation) => organisation.id === selected);
  return (
    <>
      <PageHeading title={t('operator.title')} />
      <p className="intro">{t('operator.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ErrorAlert
        message={load.status === 'error' ? problemText(t, load.error) : undefined}
        reference={problemReference(load.status === 'error' ? load.error : undefined)}
      />
      {load.status === 'ready' && (
        <>
          <div className="table-scroll">
            <table className="table">
              <caption>{t('operator.organisations.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operator.organisation.fields.legalName')}</th>
                  <th scope="col">{t('operator.organisation.fields.kind')}</th>
                  <th scope="col">{t('operator.organisation.fields.enterpriseNumber')}</th>
                  <th scope="col">{t('operator.organisations.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((organisation) => (
                  <tr key={organisation.id}>
                    <th scope="row">{organisation.legalName}</th>
                    <td>{t(`operator.kinds.${organisation.kind}`)}</td>
                    <td>{organisation.enterpriseNumber ?? '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-pressed={organisation.id === selected}
                        onClick={() => setSelected(organisation.id)}
                      >
                        {t('operator.organisations.showUsers')}
                        <span className="visually-hidden">: {organisation.legalName}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {current && <UsersPanel key={current.id} organisation={current} />}
          {current && <RoyalDecreesPanel key={`decrees-${current.id}`} organisation={current} onChanged={() => reload()} />}
          <OrganisationForm onCreated={(organisation) => void created(organisation)} />
        </>
      )}
    </>
  );
}
