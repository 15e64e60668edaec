import type { ReactNode } from 'react';
import { describedBy, FieldHelp } from '../../app/FieldHelp.js';

export interface RadioOption {
  value: string;
  label: ReactNode;
  /** A choice that cannot be made, greyed out, with `description` saying why. */
  disabled?: boolean;
  /** Read with the choice (aria-describedby) and shown under it. */
  description?: string | undefined;
}

/**
 * A labelled group of radio buttons whose hint and error are read with it (WCAG 1.3.1, 3.3.1); a
 * disabled choice stays visible, greyed out, with the reason under it rather than in a tooltip a
 * keyboard or touch user cannot reach (WCAG 1.4.13, 2.1.1).
 */
export function RadioGroup({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly RadioOption[];
  value: string;
  onChange(value: string): void;
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
      {options.map((option) => {
        const descriptionId = option.description ? `${id}-${option.value}-description` : undefined;
        return (
          <div key={option.value} className={option.disabled ? 'form__option--disabled' : undefined}>
            <label className="form__radio">
              <input
                type="radio"
                name={id}
                value={option.value}
                checked={value === option.value}
                disabled={option.disabled}
                aria-describedby={descriptionId}
                onChange={() => onChange(option.value)}
              />
              {option.label}
            </label>
            {option.description && (
              <p id={descriptionId} className="form__hint">
                {option.description}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
