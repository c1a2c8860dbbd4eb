/**
 * ISO 8601 durations ("P7D", "PT12H", "P1W", "P1M") in milliseconds, for the `threshold`
 * attribute. Years and months are calendar-free approximations (365 and 30 days): a threshold is a
 * reading distance, not a date calculation. Anything else is `undefined`; no DOM.
 */
const number = '(\\d+(?:[.,]\\d+)?)';
const pattern = new RegExp(`^P(?:${number}Y)?(?:${number}M)?(?:${number}W)?(?:${number}D)?(?:T(?:${number}H)?(?:${number}M)?(?:${number}S)?)?$`, 'i');
/** Years, months, weeks, days, hours, minutes, seconds. */
const unitMs = [365 * 864e5, 30 * 864e5, 7 * 864e5, 864e5, 36e5, 6e4, 1e3];

export function parseDuration(text: string | null | undefined): number | undefined {
  const match = pattern.exec(text?.trim() ?? '');
  // "P" and "PT" match, but say no duration: a duration has a number.
  if (match?.some((value, index) => index && value))
    return match.reduce((total, value, index) => total + (index && value ? +value.replace(',', '.') * unitMs[index - 1]! : 0), 0);
  return undefined;
}
