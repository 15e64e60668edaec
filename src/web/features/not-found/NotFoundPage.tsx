import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../app/PageHeading.js';
import { Link } from '../../app/router.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p className="intro">{t('notFound.intro')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
