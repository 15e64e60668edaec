/**
 * A task of my organisation under L1992 art. 8 §5 (SPEC DAT-32): persons of a case still to be
 * given prior written notice before any judicial data about them. A count and a link, no names.
 */
import { useTranslation } from 'react-i18next';
import type { DuePriorNoticeList } from '../../../contracts/prior-notices.js';
import { Link } from '../../app/router.js';

export function PriorNoticeTask({
  due,
  title,
}: {
  due: DuePriorNoticeList['due'][number];
  title: string | undefined;
}) {
  const { t } = useTranslation();
  const text = t('dashboard.tasks.priorNotice', { count: due.persons, case: title ?? '—' });
  return (
    <li className="task">
      <span>{text}</span>
      <Link to={`/cases/${due.caseId}`}>
        {t('dashboard.tasks.openCase')}
        <span className="visually-hidden">: {text}</span>
      </Link>
    </li>
  );
}
