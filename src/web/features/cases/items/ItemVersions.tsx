/** Every version of an item: who changed it, when and why (issue 4 scope 4; the read is audited). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemVersionList } from '../../../../contracts/items.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { formatDateTime } from '../../../i18n/format.js';
import { fetchItemVersions } from '../cases-api.js';
import { useCaseView } from '../case-view.js';

export function ItemVersions({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  const { kase } = useCaseView();
  const [versions, setVersions] = useState<ItemVersionList['versions']>();
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    let current = true;
    fetchItemVersions(kase.id, item.id).then(
      (list) => current && setVersions(list.versions),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [kase.id, item.id]);

  return (
    <div className="subpanel">
      <h4>{t('casePage.items.versionsTitle')}</h4>
      <div role="status">
        {versions === undefined && failure === undefined && <p>{t('common.loading')}</p>}
      </div>
      <ProblemAlert failure={failure} />
      {versions && (
        <ol className="versions">
          {versions.map((version) => (
            <li key={version.version}>
              <p>
                <strong>{t('casePage.items.versionLabel', { version: version.version })}</strong> –{' '}
                {formatDateTime(version.changedAt, i18n.language)}, {version.changedBy}
                {version.reason && ` – ${t('casePage.items.versionReason', { reason: version.reason })}`}
              </p>
              {version.content !== null && <p className="item__content">{version.content}</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
