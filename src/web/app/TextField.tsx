import type { InputHTMLAttributes, RefObject } from 'react';
import { describedBy, FieldHelp } from './FieldHelp.js';

type InputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'inputMode' | 'spellCheck'
>;

interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** A labelled input whose hint and error are read with it (WCAG 1.3.1, 3.3.1, 3.3.2). */
export function TextField({ id, label, hint, error, value, onChange, inputRef, ...input }: TextFieldProps) {
  return (
    <div className={error ? 'form__field form__field--error' : 'form__field'}>
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
      <input
        {...input}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}
