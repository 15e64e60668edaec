import { useTranslation } from 'react-i18next';
import { VersionInfo } from './VersionInfo.js';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="intro">{t('home.intro')}</p>
      <VersionInfo />
    </>
  );
}
