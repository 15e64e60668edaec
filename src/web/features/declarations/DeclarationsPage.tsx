/**
 * The declarations of processing of the DPO's controller (issue 6 scopes 4 and 10; L2007 arts
 * 17-18; SPEC DCL): what is left to do with the Commission (the compliance items), each
 * declaration with its status and register number, and the one opened (`?declaration=<id>`, so
 * that a link or the back button returns to it). The server decides who sees and does what.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceItem, DeclarationList } from '../../../contracts/declarations.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { navigate, useLocation } from '../../app/router.js';
import { usePageData } from '../../app/use-page-data.js';
import { formatDate } from '../../i18n/format.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { DeclarationDetail, declarationName } from './DeclarationDetail.js';
import { fetchDeclarations } from './declarations-api.js';

type Load = { status: 'ready'; list: DeclarationList } | { status: 'error'; error: unknown };

export function DeclarationsPage() {
  const { t, i18n } = useTranslation();
  const { query } = useLocation();
  const selectedId = query.get('declaration') ?? undefined;
  const detailRef = useRef<HTMLHeadingElement>(null);
  const [focusDetail, setFocusDetail] = useState(false);
  const load = useCallback(async (signal?: AbortSignal): Promise<Load> => {
    try {
      return { status: 'ready', list: await fetchDeclarations(signal) };
    } catch (error) {
      return { status: 'error', error };
    }
  }, []);
  const { data, changed, message, statusRef } = usePageData(load);

  useEffect(() => {
    if (focusDetail && data?.status === 'ready') {
      detailRef.current?.focus();
      setFocusDetail(false);
    }
  }, [focusDetail, data]);

  const declarations = data?.status === 'ready' ? data.list.declarations : [];
  const names = new Map(declarations.map((declaration) => [declaration.id, declarationName(declaration)]));
  const itemText = (item: ComplianceItem): string =>
    t(`declarations.items.${item.kind}`, {
      name: item.declarationId ? (names.get(item.declarationId) ?? '') : '',
    });
  const open = (declarationId: string) => {
    navigate(`/declarations?declaration=${encodeURIComponent(declarationId)}`);
    setFocusDetail(true);
  };
  return (
    <>
      <PageHeading title={t('declarations.title')} />
      <p className="intro">{t('declarations.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {data === undefined && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={data?.status === 'error' ? data.error : undefined} />
      {data?.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="declarations-items">
            <h2 id="declarations-items">{t('declarations.items.title')}</h2>
            {data.list.complianceItems.length === 0 ? (
              <p>{t('declarations.items.none')}</p>
            ) : (
              <ul>
                {data.list.complianceItems.map((item) => (
                  <li key={`${item.kind}-${item.subjectId ?? item.frameworkId ?? item.declarationId}`}>
                    {itemText(item)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="declarations-list">
            <h2 id="declarations-list">{t('declarations.list.title')}</h2>
            {declarations.length === 0 ? (
              <p>{t('declarations.list.none')}</p>
            ) : (
              <ScrollingTable caption={t('declarations.list.caption')}>
                <thead>
                  <tr>
                    <th scope="col">{t('declarations.fields.frameworks')}</th>
                    <th scope="col">{t('declarations.fields.purposes')}</th>
                    <th scope="col">{t('declarations.fields.status')}</th>
                    <th scope="col">{t('declarations.fields.registerNumber')}</th>
                    <th scope="col">{t('declarations.fields.lastSubmittedOn')}</th>
                    <th scope="col">{t('declarations.list.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {declarations.map((declaration) => (
                    <tr key={declaration.id}>
                      <th scope="row">{declarationName(declaration)}</th>
                      <td>{declaration.purposes.join(', ')}</td>
                      <td>
                        {t(`declarations.statuses.${declaration.status}`)}
                        {declaration.openUpdateItems > 0 && (
                          <>
                            <br />
                            {t('declarations.list.updates', { count: declaration.openUpdateItems })}
                          </>
                        )}
                      </td>
                      <td>{declaration.registerNumber ?? t('declarations.fields.noRegisterNumber')}</td>
                      <td>
                        {declaration.lastSubmittedOn
                          ? formatDate(declaration.lastSubmittedOn, i18n.language)
                          : t('declarations.list.notSubmitted')}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-pressed={declaration.id === selectedId}
                          onClick={() => open(declaration.id)}
                        >
                          {t('declarations.list.open', { name: declarationName(declaration) })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollingTable>
            )}
          </section>
          {selectedId && (
            <DeclarationDetail
              key={selectedId}
              declarationId={selectedId}
              headingRef={detailRef}
              onChanged={changed}
            />
          )}
        </>
      )}
    </>
  );
}
