/**
 * The case's links to files of connected file environments (bill Comm. art. 2: a connection
 * between the files of the different actors; SPEC INT-02): each link with the connected system,
 * the file's reference there, the persons it is about, what it delivered and whether it is ended;
 * and, for a member of the interconnection's owner, the form to link the case to a file and the
 * end of a link. What arrives through a link becomes the owner's information about those persons.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Interconnection,
  type InterconnectionLink,
  LINK_POLICE_MISSIONS,
} from '../../../contracts/interconnections.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { useCaseView } from '../cases/case-view.js';
import { endCaseLink, fetchCaseLinks, fetchInterconnections, linkCase } from './interconnections-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; links: InterconnectionLink[]; linkable: Interconnection[] };

/** Categories 9 to 16 need the reason they are relevant to this case (SPEC PUR-04, DAT-16). */
const NEEDS_RELEVANCE = new Set(['C09', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']);

const CONTROLS = [
  'interconnectionId',
  'reference',
  'personIds',
  'relevance',
  'policeMission',
  'missionConfirmed',
] as const;
type Control = (typeof CONTROLS)[number];

function LinkForm({
  caseId,
  linkable,
  persons,
  onLinked,
}: {
  caseId: string;
  linkable: readonly Interconnection[];
  persons: readonly { id: string; name: string }[];
  onLinked(reference: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [interconnectionId, setInterconnectionId] = useState(
    linkable.length === 1 ? (linkable[0]?.id ?? '') : '',
  );
  const [reference, setReference] = useState('');
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [relevance, setRelevance] = useState('');
  const [policeMission, setPoliceMission] = useState('');
  const [missionConfirmed, setMissionConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = Object.fromEntries(CONTROLS.map((control) => [control, `${formId}-${control}`])) as Record<
    Control,
    string
  >;
  const fields = CONTROLS.map((control) => ({
    id: ids[control],
    paths: [control],
    message: t(`interconnections.links.errors.${control}`),
  }));
  const chosen = linkable.find((interconnection) => interconnection.id === interconnectionId);
  const needsRelevance = chosen?.categories.some((category) => NEEDS_RELEVANCE.has(category)) ?? false;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const linked = await linkCase(caseId, {
          interconnectionId,
          reference: reference.trim(),
          personIds,
          ...(needsRelevance && { relevance: relevance.trim() }),
          ...(policeMission !== '' && {
            policeMission: policeMission as (typeof LINK_POLICE_MISSIONS)[number],
          }),
          missionConfirmed,
        });
        setReference('');
        setPersonIds([]);
        setRelevance('');
        setMissionConfirmed(false);
        await onLinked(linked.reference);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('interconnections.links.formTitle')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <SelectField
        id={ids.interconnectionId}
        label={t('interconnections.links.interconnection')}
        value={interconnectionId}
        options={[
          { value: '', label: t('common.choose') },
          ...linkable.map((interconnection) => ({
            value: interconnection.id,
            label: `${interconnection.name} (${interconnection.counterpart.system})`,
          })),
        ]}
        onChange={setInterconnectionId}
        error={errorOf(errors, ids.interconnectionId)}
      />
      <TextField
        id={ids.reference}
        label={t('interconnections.links.reference')}
        hint={t('interconnections.links.referenceHint')}
        value={reference}
        onChange={setReference}
        error={errorOf(errors, ids.reference)}
      />
      <CheckboxGroup
        id={ids.personIds}
        legend={t('interconnections.links.persons')}
        hint={t('interconnections.links.personsHint')}
        options={persons.map((person) => ({ value: person.id, label: person.name }))}
        values={personIds}
        onChange={setPersonIds}
        error={errorOf(errors, ids.personIds)}
      />
      {needsRelevance && (
        <TextAreaField
          id={ids.relevance}
          label={t('interconnections.links.relevance')}
          hint={t('interconnections.links.relevanceHint')}
          value={relevance}
          onChange={setRelevance}
          error={errorOf(errors, ids.relevance)}
        />
      )}
      <SelectField
        id={ids.policeMission}
        label={t('interconnections.links.policeMission')}
        hint={t('interconnections.links.policeMissionHint')}
        value={policeMission}
        options={[
          { value: '', label: t('interconnections.links.notPolice') },
          ...LINK_POLICE_MISSIONS.map((mission) => ({
            value: mission,
            label: t(`interconnections.links.missions.${mission}`),
          })),
        ]}
        onChange={setPoliceMission}
        error={errorOf(errors, ids.policeMission)}
      />
      <div
        className={errorOf(errors, ids.missionConfirmed) ? 'form__field form__field--error' : 'form__field'}
      >
        {errorOf(errors, ids.missionConfirmed) && (
          <p id={`${ids.missionConfirmed}-error`} className="form__error">
            {errorOf(errors, ids.missionConfirmed)}
          </p>
        )}
        <label className="form__checkbox">
          <input
            id={ids.missionConfirmed}
            type="checkbox"
            checked={missionConfirmed}
            onChange={(event) => setMissionConfirmed(event.target.checked)}
            aria-describedby={
              errorOf(errors, ids.missionConfirmed) ? `${ids.missionConfirmed}-error` : undefined
            }
          />
          {t('interconnections.links.missionConfirmed')}
        </label>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('interconnections.links.submit')}
      </button>
    </form>
  );
}

export function LinkedFilesSection() {
  const { t, i18n } = useTranslation();
  const view = useCaseView();
  const caseId = view.kase.id;
  const frameworkId = view.kase.framework.id;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const ending = useAction();

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [{ links }, { interconnections }] = await Promise.all([
          fetchCaseLinks(caseId, signal),
          fetchInterconnections(signal),
        ]);
        const linkable = interconnections.filter(
          (interconnection) =>
            interconnection.framework.id === frameworkId && interconnection.allowedActions.includes('link'),
        );
        setLoad({ status: 'ready', links, linkable });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [caseId, frameworkId],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const persons = view.kase.persons.map((person) => ({
    id: person.id,
    name: `${person.identity.surname} ${person.identity.firstNames}`,
  }));
  const nameOf = (id: string) => persons.find((person) => person.id === id)?.name ?? id;
  const when = (at: string) => formatDateTime(at, i18n.language);
  const changed = async (message: string) => {
    await reload();
    await view.changed(message);
  };
  const end = (link: InterconnectionLink) =>
    ending.run(async () => {
      await endCaseLink(caseId, link.id);
      await changed(t('interconnections.links.ended', { reference: link.reference }));
    });

  return (
    <section className="panel" aria-labelledby="case-linked-files">
      <h2 id="case-linked-files">{t('interconnections.links.title')}</h2>
      <p>{t('interconnections.links.intro')}</p>
      {load.status === 'loading' && <p>{t('common.loading')}</p>}
      <ProblemAlert failure={load.status === 'error' ? load.error : ending.failure} />
      {load.status === 'ready' && (
        <>
          {load.links.length === 0 ? (
            <p>{t('interconnections.links.none')}</p>
          ) : (
            <ul className="cards">
              {load.links.map((link) => (
                <li key={link.id} className="card">
                  <h3 className="card__title">
                    {link.interconnection.name} – {link.reference}
                  </h3>
                  <dl className="facts">
                    <dt>{t('interconnections.links.controller')}</dt>
                    <dd>{link.controller.legalName}</dd>
                    <dt>{t('interconnections.links.persons')}</dt>
                    <dd>{link.personIds.map(nameOf).join(', ')}</dd>
                    {link.relevance && (
                      <>
                        <dt>{t('interconnections.links.relevance')}</dt>
                        <dd>{link.relevance}</dd>
                      </>
                    )}
                    {link.policeMission && (
                      <>
                        <dt>{t('interconnections.links.policeMission')}</dt>
                        <dd>{t(`interconnections.links.missions.${link.policeMission}`)}</dd>
                      </>
                    )}
                    <dt>{t('interconnections.links.linked')}</dt>
                    <dd>
                      {t('interconnections.record.byAt', {
                        name: link.linked.by,
                        date: when(link.linked.at),
                      })}
                    </dd>
                    <dt>{t('interconnections.links.delivered')}</dt>
                    <dd>{link.deliveredItems}</dd>
                    <dt>{t('interconnections.links.state')}</dt>
                    <dd>
                      {link.ended
                        ? t('interconnections.links.endedBy', {
                            name: link.ended.by,
                            date: when(link.ended.at),
                          })
                        : t(`interconnections.states.${link.interconnection.state}`)}
                    </dd>
                  </dl>
                  {link.allowedActions.includes('end') && (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-disabled={ending.busy}
                      onClick={() => void end(link)}
                    >
                      {t('interconnections.links.end')}
                      <span className="visually-hidden">: {link.reference}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {load.linkable.length > 0 && (
            <LinkForm
              caseId={caseId}
              linkable={load.linkable}
              persons={persons}
              onLinked={(reference) => changed(t('interconnections.links.linkedDone', { reference }))}
            />
          )}
        </>
      )}
    </section>
  );
}
