/** Site-wide words, kept in one place. */
export const siteTitle = 'AI Landscape Briefing';
export const siteDescription =
  'Short, sourced briefings on where AI is going: the trends, the numbers behind them, and the full text.';

/** Long-form date, e.g. "1 February 2025", fixed to UTC so builds are the same everywhere. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Date and time with its zone, e.g. "1 February 2025, 18:22 UTC". */
export function formatDateTime(date: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date);
  return `${formatDate(date)}, ${time} UTC`;
}
