import { useTranslation } from 'react-i18next';
import type { DestructionList } from '../../../contracts/retention.js';

/** Which approvals a destruction list still needs, in words: the keeper's, then each controller's DPO. */
export function MissingApprovals({
  missing,
  keeper,
}: {
  missing: DestructionList['missing'];
  keeper: string;
}) {
  const { t } = useTranslation();
  if (!missing.keeper && missing.dpoOf.length === 0) return <>{t('retention.missing.none')}</>;
  return (
    <ul className="plain-list">
      {missing.keeper && <li>{t('retention.missing.keeper', { organisation: keeper })}</li>}
      {missing.dpoOf.map((organisation) => (
        <li key={organisation.id}>{t('retention.missing.dpo', { organisation: organisation.legalName })}</li>
      ))}
    </ul>
  );
}
