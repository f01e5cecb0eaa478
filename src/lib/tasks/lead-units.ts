/**
 * The units a 牵头单位 cell names, for every place that counts or filters by
 * unit (the lead-unit chart and the task filter), so both read a cell alike.
 *
 * Separators: the Chinese and English list marks 、，,；; and whitespace. The
 * published cells separate units with 、 only, but the same sheets separate
 * people's names with a space (牵头区领导: 毛涛 李杰霞), and a Chinese unit name
 * never contains one, so a space between two units is read as a separator.
 */
const SEPARATORS = /[、，,；;\s]+/;

/** `区发改委、区住建局` → both units; an empty cell → none. */
export function splitLeadUnits(cellText: string | undefined): string[] {
  return (cellText ?? '').split(SEPARATORS).filter(Boolean);
}
