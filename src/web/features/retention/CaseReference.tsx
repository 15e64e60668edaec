import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.js';

/**
 * A case at the retention desk: its id only, since the desk shows no content (ADR 0016), and for a
 * user who takes part in cases, a link to the case page, where the server decides what it shows.
 */
export function CaseReference({ caseId, linked }: { caseId: string; linked: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="hash">{caseId}</span>
      {linked && (
        <>
          {' '}
          <Link to={`/cases/${encodeURIComponent(caseId)}`}>
            {t('retention.openCase')}
            <span className="visually-hidden"> {caseId}</span>
          </Link>
        </>
      )}
    </>
  );
}
