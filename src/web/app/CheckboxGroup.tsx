import { describedBy, FieldHelp } from './FieldHelp.js';

/** A labelled group of checkboxes whose error is read with it (WCAG 1.3.1, 3.3.1). */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange(values: string[]): void;
}) {
  return (
    <fieldset
      className={error ? 'form__choice form__field--error' : 'form__choice'}
      aria-describedby={describedBy(id, hint, error)}
    >
      {/* tabIndex -1: the error summary's link can move the focus to the group. */}
      <legend id={id} tabIndex={-1}>
        {legend}
      </legend>
      <FieldHelp id={id} hint={hint} error={error} />
      {options.map((option) => (
        <label key={option.value} className="form__checkbox">
          <input
            type="checkbox"
            checked={values.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...values, option.value]
                  : values.filter((value) => value !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
