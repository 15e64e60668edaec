import type { RefObject } from 'react';
import { describedBy, FieldHelp } from './FieldHelp.js';

interface TextAreaFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  rows?: number;
  onChange(value: string): void;
  textAreaRef?: RefObject<HTMLTextAreaElement | null>;
}

/** A labelled multi-line input whose hint and error are read with it (WCAG 1.3.1, 3.3.1, 3.3.2). */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  rows = 4,
  onChange,
  textAreaRef,
}: TextAreaFieldProps) {
  return (
    <div className={error ? 'form__field form__field--error' : 'form__field'}>
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
      <textarea
        id={id}
        ref={textAreaRef}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}
