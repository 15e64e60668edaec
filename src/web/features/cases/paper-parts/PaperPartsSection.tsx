/**
 * The paper parts of the shared file (bill Comm. art. 3: "dossier commun (physique ou
 * numérique)"; SPEC SCO-09, FIL-10): the paper annexes the participants hold, what they hold,
 * where they are and who keeps them. They are read with their own request, each read audited, and
 * again whenever the case page reloads the case after a change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperPart } from '../../../../contracts/paper-parts.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { useCaseView } from '../case-view.js';
import { PaperPartCard } from './PaperPartCard.js';
import { PaperPartForm } from './PaperPartForm.js';
import { fetchPaperParts } from './paper-parts-api.js';

export function PaperPartsSection() {
  const { t } = useTranslation();
  const { kase, can } = useCaseView();
  const [parts, setParts] = useState<PaperPart[]>();
  const [failure, setFailure] = useState<unknown>();

  // `kase` is a new object after every change the page announces: read the paper parts again then.
  useEffect(() => {
    const controller = new AbortController();
    setFailure(undefined);
    fetchPaperParts(kase.id, controller.signal).then(setParts, (error: unknown) => {
      if (!controller.signal.aborted) setFailure(error);
    });
    return () => controller.abort();
  }, [kase]);

  return (
    <section className="panel" aria-labelledby="case-paper-parts">
      <h2 id="case-paper-parts">{t('casePage.paperParts.title')}</h2>
      <p>{t('casePage.paperParts.intro')}</p>
      <ProblemAlert failure={failure} />
      {parts === undefined && failure === undefined && <p>{t('common.loading')}</p>}
      {parts?.length === 0 && <p>{t('casePage.paperParts.none')}</p>}
      {parts && parts.length > 0 && (
        <ul className="cards">
          {parts.map((part) => (
            <li key={part.id} className="card">
              <PaperPartCard part={part} />
            </li>
          ))}
        </ul>
      )}
      {can('contribute') && <PaperPartForm />}
    </section>
  );
}
