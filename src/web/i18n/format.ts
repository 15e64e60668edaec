/** Dates and times as a Belgian user reads them: in their language, on Brussels time. */
const ZONE = 'Europe/Brussels';

const locale = (language: string): string => `${language}-BE`;

export function formatDateTime(value: Date | string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ZONE,
  }).format(new Date(value));
}

export function formatDate(value: Date | string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: ZONE }).format(
    new Date(value),
  );
}

export function formatTime(value: Date | string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeStyle: 'short', timeZone: ZONE }).format(
    new Date(value),
  );
}

/** Today's date on Brussels time, as a form's date field takes it (YYYY-MM-DD). */
export function todayInBrussels(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
}
