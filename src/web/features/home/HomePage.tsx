import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../app/PageHeading.js';
import { VersionInfo } from './VersionInfo.js';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('home.title')} documentTitle={t('app.documentTitle')} />
      <p className="intro">{t('home.intro')}</p>
      <VersionInfo />
    </>
  );
}
