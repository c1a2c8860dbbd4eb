/**
 * ISO 8601 durations ("P7D", "PT12H", "P1W", "P1M") in milliseconds, for the `threshold`
 * attribute. Years and months are calendar-free approximations (365 and 30 days): a threshold is a
 * reading distance, not a date calculation. Anything else is `undefined`; no DOM.
 */
const pattern = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const second = 1000;
const unitMs = [365 * 86_400 * second, 30 * 86_400 * second, 7 * 86_400 * second, 86_400 * second, 3600 * second, 60 * second, second];

export function parseDuration(text: string | null | undefined): number | undefined {
  const match = text ? pattern.exec(text.trim()) : null;
  if (!match || /^P(T)?$/i.test(text!.trim())) return undefined;
  return match.slice(1).reduce((total, value, index) => total + (value ? Number(value.replace(',', '.')) * unitMs[index]! : 0), 0);
}
