import type { RefObject } from 'react';
import { describedBy, FieldHelp } from './FieldHelp.js';

interface SelectFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
  selectRef?: RefObject<HTMLSelectElement | null>;
}

/** A labelled list of choices whose hint and error are read with it (WCAG 1.3.1, 3.3.1, 3.3.2). */
export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
  selectRef,
}: SelectFieldProps) {
  return (
    <div className={error ? 'form__field form__field--error' : 'form__field'}>
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
      <select
        id={id}
        ref={selectRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
