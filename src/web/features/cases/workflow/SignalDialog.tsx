/**
 * The signalling dialog (bill art. 2 §3 1°; SPEC WFL-03): the signaller checks the persons and
 * items the organiser needs, reads exactly what the organiser will see, and confirms that sharing
 * it is necessary. It serves the compartment's own signalling and the reviewer's "signal"
 * decision (SPEC WFL-02). A native modal <dialog>: the focus stays in it while it is open, Escape
 * closes it, and the focus returns to the button that opened it.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Selection } from '../../../../contracts/cases.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { useAction } from '../../../app/use-action.js';
import { reviewCase, signalCase } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { personName } from '../persons/person-name.js';
import { checkItem, checkPerson } from './selection.js';

export function SignalDialog({
  review,
  onClose,
}: {
  /** For the reviewer's decision: the reason it gives (SPEC WFL-02). */
  review?: { reason: string };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { kase, changed, nameOf } = useCaseView();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [selection, setSelection] = useState<Selection>({ personIds: [], itemIds: [] });
  const [necessity, setNecessity] = useState(false);
  const [reason, setReason] = useState(review?.reason ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = {
    persons: `${id}-persons`,
    items: `${id}-items`,
    necessity: `${id}-necessity`,
    reason: `${id}-reason`,
  };
  // Erased and blocked information is shown to nobody: there is nothing of it to disclose.
  const items = kase.items.filter((item) => !item.erased && !item.blocked);
  const organiser = nameOf(kase.organiserOrganisationId);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    headingRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const fields = [
    { id: ids.persons, paths: ['selection.personIds', 'selection'], message: t('signal.errors.persons') },
    { id: ids.items, paths: ['selection.itemIds'], message: t('signal.errors.items') },
    { id: ids.reason, paths: ['reason'], message: t('workflow.errors.reason') },
    { id: ids.necessity, paths: ['necessityConfirmed'], message: t('signal.errors.necessity') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = fields.filter(
      (field) =>
        (field.id === ids.persons && selection.personIds.length === 0) ||
        (field.id === ids.necessity && !necessity) ||
        (field.id === ids.reason && review !== undefined && reason.trim().length < 3),
    );
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        if (review) {
          await reviewCase(kase.id, {
            decision: 'signal',
            reason: reason.trim(),
            selection,
            necessityConfirmed: true,
          });
        } else {
          await signalCase(kase.id, { selection, necessityConfirmed: true });
        }
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      onClose();
      await changed(t('signal.done', { organiser }));
    });
  }

  const chosenPersons = kase.persons.filter((person) => selection.personIds.includes(person.id));
  const chosenItems = items.filter((item) => selection.itemIds.includes(item.id));
  return (
    // The dialog's own Escape closes it; the component then leaves the page.
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('signal.title')}
      </h2>
      <p>{t('signal.intro', { organiser })}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <fieldset
          className={errorOf(errors, ids.persons) ? 'form__choice form__field--error' : 'form__choice'}
          aria-describedby={errorOf(errors, ids.persons) ? `${ids.persons}-error` : undefined}
        >
          <legend id={ids.persons} tabIndex={-1}>
            {t('signal.persons')}
          </legend>
          {errorOf(errors, ids.persons) && (
            <p id={`${ids.persons}-error`} className="form__error">
              {errorOf(errors, ids.persons)}
            </p>
          )}
          {kase.persons.map((person) => (
            <label key={person.id} className="form__checkbox">
              <input
                type="checkbox"
                checked={selection.personIds.includes(person.id)}
                onChange={(event) =>
                  setSelection(checkPerson(kase, selection, person.id, event.target.checked))
                }
              />
              {personName(person)} ({t(`personRoles.${person.role}`)})
            </label>
          ))}
        </fieldset>
        <fieldset
          className={errorOf(errors, ids.items) ? 'form__choice form__field--error' : 'form__choice'}
          aria-describedby={`${ids.items}-hint${errorOf(errors, ids.items) ? ` ${ids.items}-error` : ''}`}
        >
          <legend id={ids.items} tabIndex={-1}>
            {t('signal.items')}
          </legend>
          <p id={`${ids.items}-hint`} className="form__hint">
            {t('signal.itemsHint')}
          </p>
          {errorOf(errors, ids.items) && (
            <p id={`${ids.items}-error`} className="form__error">
              {errorOf(errors, ids.items)}
            </p>
          )}
          {items.map((item) => (
            <label key={item.id} className="form__checkbox">
              <input
                type="checkbox"
                checked={selection.itemIds.includes(item.id)}
                onChange={(event) => setSelection(checkItem(kase, selection, item.id, event.target.checked))}
              />
              <span>
                <span className="code">{item.category}</span> {t(`categories.${item.category}`)}:{' '}
                {item.restricted ? t('casePage.items.restricted', { category: item.category }) : item.content}
              </span>
            </label>
          ))}
        </fieldset>
        <section className="preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>{t('signal.preview', { organiser })}</h3>
          {chosenPersons.length === 0 && chosenItems.length === 0 ? (
            <p>{t('signal.nothing')}</p>
          ) : (
            <>
              <h4>{t('signal.previewPersons')}</h4>
              <ul>
                {chosenPersons.map((person) => (
                  <li key={person.id}>
                    {personName(person)} ({t(`personRoles.${person.role}`)})
                  </li>
                ))}
              </ul>
              <h4>{t('signal.previewItems')}</h4>
              {chosenItems.length === 0 ? (
                <p>{t('signal.noItem')}</p>
              ) : (
                <ul>
                  {chosenItems.map((item) => (
                    <li key={item.id}>
                      <span className="code">{item.category}</span> {t(`categories.${item.category}`)}:{' '}
                      {item.restricted
                        ? t('casePage.items.restricted', { category: item.category })
                        : item.content}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
        {review && (
          <TextAreaField
            id={ids.reason}
            label={t('workflow.review.reason')}
            value={reason}
            onChange={setReason}
            error={errorOf(errors, ids.reason)}
          />
        )}
        <div className={errorOf(errors, ids.necessity) ? 'form__field form__field--error' : 'form__field'}>
          {errorOf(errors, ids.necessity) && (
            <p id={`${ids.necessity}-error`} className="form__error">
              {errorOf(errors, ids.necessity)}
            </p>
          )}
          <label className="form__checkbox">
            <input
              id={ids.necessity}
              type="checkbox"
              checked={necessity}
              aria-invalid={errorOf(errors, ids.necessity) ? true : undefined}
              aria-describedby={errorOf(errors, ids.necessity) ? `${ids.necessity}-error` : undefined}
              onChange={(event) => setNecessity(event.target.checked)}
            />
            {t('signal.necessity', { organiser })}
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy}>
            {t('signal.submit', { organiser })}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
