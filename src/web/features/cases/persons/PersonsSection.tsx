/**
 * The persons of the case (bill art. 2 §2 al. 2; SPEC DAT-01, DAT-17): the subjects of the
 * consultation and their relations or contacts, with the necessity recorded. The national
 * register number is shown masked; showing it in full is a request the server audits.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contracts/persons.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { useAction } from '../../../app/use-action.js';
import { formatDate } from '../../../i18n/format.js';
import { revealNationalNumber } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { personName } from './person-name.js';
import { PersonForm } from './PersonForm.js';
import { PriorNotice } from './PriorNotice.js';

function NationalNumber({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { kase } = useCaseView();
  const [revealed, setRevealed] = useState<string>();
  const { busy, failure, run } = useAction();
  const masked = person.identity.nationalRegisterNumber;
  if (masked === null) return <>—</>;
  const show = () =>
    run(async () => {
      setRevealed(await revealNationalNumber(kase.id, person.id));
    });
  return (
    <>
      <span className="code" aria-live="polite">
        {revealed ?? masked}
      </span>{' '}
      {revealed ? (
        <button type="button" className="link-button" onClick={() => setRevealed(undefined)}>
          {t('casePage.persons.hideNumber')}
          <span className="visually-hidden">: {personName(person)}</span>
        </button>
      ) : (
        <button type="button" className="link-button" aria-disabled={busy} onClick={() => void show()}>
          {t('casePage.persons.showNumber')}
          <span className="visually-hidden">: {personName(person)}</span>
        </button>
      )}
      <ProblemAlert failure={failure} />
    </>
  );
}

export function PersonsSection() {
  const { t, i18n } = useTranslation();
  const { kase, can } = useCaseView();
  const nameById = new Map(kase.persons.map((person) => [person.id, personName(person)]));
  return (
    <section className="panel" aria-labelledby="case-persons">
      <h2 id="case-persons">{t('casePage.persons.title')}</h2>
      {kase.persons.length === 0 ? (
        <p>{t('casePage.persons.none')}</p>
      ) : (
        <ul className="cards">
          {kase.persons.map((person) => (
            <li key={person.id} className="card">
              <h3 className="card__title">
                {personName(person)} <span className="badge">{t(`personRoles.${person.role}`)}</span>
              </h3>
              <dl className="facts">
                {person.role === 'relation' && (
                  <>
                    <dt>{t('casePage.persons.relatesTo')}</dt>
                    <dd>{person.subjectIds.map((id) => nameById.get(id) ?? '—').join(', ')}</dd>
                    <dt>{t('casePage.persons.necessity')}</dt>
                    <dd>{person.necessity}</dd>
                  </>
                )}
                <dt>{t('casePage.persons.birth')}</dt>
                <dd>
                  {person.identity.birthDate ? formatDate(person.identity.birthDate, i18n.language) : '—'}
                  {person.identity.birthPlace && `, ${person.identity.birthPlace}`}
                  {person.age !== null && ` (${t('casePage.persons.age', { age: person.age })})`}
                </dd>
                <dt>{t('casePage.persons.address')}</dt>
                <dd>{person.identity.address ?? '—'}</dd>
                <dt>{t('casePage.persons.nationalNumber')}</dt>
                <dd>
                  <NationalNumber person={person} />
                </dd>
                <dt>{t('casePage.persons.controller')}</dt>
                <dd>{person.controller.legalName}</dd>
              </dl>
              <PriorNotice person={person} />
            </li>
          ))}
        </ul>
      )}
      {can('contribute') && <PersonForm />}
    </section>
  );
}
