/**
 * The controller's IT-security norm checklists (SPEC SEC-04; L2007 art. 16 §4 al. 3: the norms the
 * King may issue on the Commission's advice): each imported norm set with its origin and its
 * controls grouped by status, and the import of a published norm set as a JSON file.
 */
import { useTranslation } from 'react-i18next';
import type { NormSetList } from '../../../contracts/compliance.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { COMPLIANCE_SECTIONS } from './indicator-view.js';
import { NormImportForm } from './NormImportForm.js';
import { NormSetCard } from './NormSetCard.js';
import type { Part } from './settled.js';

export function NormSetsSection({
  normSets,
  onChanged,
}: {
  normSets: Part<NormSetList>;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={COMPLIANCE_SECTIONS.normSets}>
      <h2 id={COMPLIANCE_SECTIONS.normSets} tabIndex={-1}>
        {t('compliance.normSets.title')}
      </h2>
      <p>{t('compliance.normSets.intro')}</p>
      {!normSets.ok ? (
        <ProblemAlert failure={normSets.error} />
      ) : (
        <>
          {normSets.value.normSets.length === 0 ? (
            <p>{t('compliance.normSets.none')}</p>
          ) : (
            normSets.value.normSets.map((normSet) => (
              <NormSetCard key={normSet.id} normSet={normSet} onChanged={onChanged} />
            ))
          )}
          <NormImportForm
            onImported={(code, version) => onChanged(t('compliance.normImport.done', { code, version }))}
          />
        </>
      )}
    </section>
  );
}
