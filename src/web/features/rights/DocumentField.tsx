import type { RefObject } from 'react';
import { describedBy, FieldHelp } from '../../app/FieldHelp.js';

/** A scanned document of the request (PDF, PNG or JPEG), its hint and error read with it (WCAG 1.3.1, 3.3.1). */
export function DocumentField({
  id,
  label,
  hint,
  error,
  onChange,
  inputRef,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  onChange(file: File | undefined): void;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  return (
    <div className={error ? 'form__field form__field--error' : 'form__field'}>
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
      <input
        id={id}
        ref={inputRef}
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        onChange={(event) => onChange(event.target.files?.[0])}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}
