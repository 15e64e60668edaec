/**
 * DAT-29 (L2007 art. 8 §1): risk or behaviour information about litigation, suspicions,
 * prosecutions or convictions for offences, administrative sanctions or security measures is
 * marked as such; it then records the exception of art. 8 §2 and only persons designated for
 * judicial data see it.
 */
import { useTranslation } from 'react-i18next';

export function CriminalRelatedField({
  id,
  checked,
  error,
  onChange,
}: {
  id: string;
  checked: boolean;
  error: string | undefined;
  onChange(checked: boolean): void;
}) {
  const { t } = useTranslation();
  const describedBy = [`${id}-hint`, ...(error ? [`${id}-error`] : [])].join(' ');
  return (
    <div className={error ? 'form__field form__field--error' : 'form__field'}>
      {error && (
        <p id={`${id}-error`} className="form__error">
          {error}
        </p>
      )}
      <label className="form__checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t('itemForm.criminalRelated')}
      </label>
      <p id={`${id}-hint`} className="form__hint">
        {t('itemForm.criminalRelatedHint')}
      </p>
    </div>
  );
}
