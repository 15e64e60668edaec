/**
 * The contested marking of an item (L2007/L1992 art. 15; SPEC RGT-CON-02): while a mark stands,
 * every reader sees the glossary term with since when and why, in words (the colour only adds to it).
 */
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../contracts/items.js';
import { formatDateTime } from '../../../i18n/format.js';

export function ContestedBadge({ contested }: { contested: Item['contested'] }) {
  const { t, i18n } = useTranslation();
  if (!contested) return null;
  const causes = contested.causes.map((cause) => t(`contestedCauses.${cause}`)).join(', ');
  return (
    <span className="badge badge--contested">
      {t('casePage.items.contested', { date: formatDateTime(contested.since, i18n.language), causes })}
    </span>
  );
}
