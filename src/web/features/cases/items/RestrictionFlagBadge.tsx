/**
 * The neutral flag of an item covered by a restriction of the procureur du Roi (bill art. 7;
 * SPEC RGT-RST-08): every reader sees the glossary term and the rights restricted, so that a
 * correction or deletion is asked of the office (RST-09), never the grounds. In words; the colour
 * only adds to them.
 */
import { useTranslation } from 'react-i18next';
import type { RestrictionFlags } from '../../../../contracts/restrictions.js';

export type RestrictionFlag = RestrictionFlags['flags'][number];

export function RestrictionFlagBadge({ flag }: { flag: RestrictionFlag | undefined }) {
  const { t } = useTranslation();
  if (!flag) return null;
  const rights = flag.rights.map((right) => t(`prosecutor.rights.${right}`)).join(', ');
  return <span className="badge badge--special">{t('casePage.items.restrictionFlag', { rights })}</span>;
}
