import type { RefObject } from 'react';

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
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'form__field form__field--error' : 'form__field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="form__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form__error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        ref={textAreaRef}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}
