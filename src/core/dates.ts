const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `y-m-d` names a day that exists in the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export type IsoDateCheck = { ok: true; value: string } | { ok: false; reason: 'format' | 'not-real' };

/** Checks an ISO `YYYY-MM-DD` date, rejecting impossible days such as 2023-06-31. */
export function checkIsoDate(value: string): IsoDateCheck {
  const match = ISO_DATE.exec(value);
  if (!match) return { ok: false, reason: 'format' };
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (!isRealDate(y, m, d)) return { ok: false, reason: 'not-real' };
  return { ok: true, value };
}

/** Year, month and day, as numbers or as digits written (2023, 8, 4 or '2023', '08', '4') → `2023-08-04`; whether the day exists is the caller's to check. */
export function isoDateFromParts(year: number | string, month: number | string, day: number | string): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO date of a JS Date read as UTC (YAML timestamps are UTC midnight). */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `2023-06-30` → `2023年6月30日`, the way the documents print dates. */
export function formatChineseDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** `2023-06-30` or `2023-06` → `2023年6月`, for grouping by month. */
export function formatChineseMonth(iso: string): string {
  const match = ISO_DATE.exec(iso) ?? /^(\d{4})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${Number(match[1])}年${Number(match[2])}月`;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
