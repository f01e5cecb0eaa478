/**
 * A deterministic synthetic corpus for measuring the site at province scale.
 *
 * The real content is one county-year's worth of documents: four policies,
 * one briefing and about 200 task rows. Scale N adds N − 1 synthetic
 * county-years made from it: county k of year y gets each real policy, five
 * monthly briefings made from the real briefing, and every task, target,
 * assignment, progress and ranking row that belongs to them, with the
 * county's own name, ids and shifted dates. Counties cycle through 100 names
 * and years through 2022–2026-based offsets, so 500× is the province: about
 * 2,000 policies, 2,500 briefings and 100,000 task rows.
 *
 * Pure: real files in, corpus files out, the same every time.
 */
import Papa from 'papaparse';
import { isoDateFromParts } from '../../src/core/dates.ts';
import type { ContentFile } from '../../src/lib/content/content-model.ts';

export const PROVINCE_SCALE = 500;
const COUNTIES = 100;
const BRIEFINGS_PER_YEAR = 5;

const STEM_FIRST = Array.from('安宁永兴新丰德泰和平崇瑞广乐金石宜云定庆');
const STEM_SECOND = Array.from('源江山城阳川远华昌都溪桥林河清洲峰湾岭泉');
const LEVELS = [
  { level: '县级市', suffix: '市' },
  { level: '市辖区', suffix: '区' },
] as const;
const PARENTS = ['nanchang', 'ganzhou', 'shangrao'];

export interface SyntheticCounty {
  id: string;
  /** The name without its suffix, as documents use it: 安源. */
  stem: string;
  name: string;
  level: string;
  parent: string;
}

/** County k (0-based) of the synthetic province: a fixed, unique name and id. */
export function syntheticCounty(k: number): SyntheticCounty {
  const stem = `${STEM_FIRST[k % STEM_FIRST.length]}${STEM_SECOND[(k * 7 + Math.floor(k / STEM_FIRST.length)) % STEM_SECOND.length]}`;
  const { level, suffix } = LEVELS[k % LEVELS.length]!;
  return { id: `county-${String(k + 1).padStart(3, '0')}`, stem, name: `${stem}${suffix}`, level, parent: PARENTS[k % PARENTS.length]! };
}

/** Every county of the synthetic province, in order. */
export const SYNTHETIC_COUNTIES: readonly SyntheticCounty[] = Array.from({ length: COUNTIES }, (_, k) => syntheticCounty(k));

/** A region's name as documents shorten it: 上饶市 → 上饶, 湾里管理局 → 湾里. */
export function regionStem(name: string): string {
  return name.replace(/(管理局|市|区|县)$/, '');
}

/** Years as dates and document numbers print them (2023年, 2023-07-31, 〔2023〕), moved by `years`. */
export function shiftYears(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(/(?<![\d.])(20[0-3]\d)(?=年|-|〕|\]|）|\))/g, (year) => String(Number(year) + years));
}

/** An ISO date moved by whole months, kept at the end of the month if it was there. */
export function shiftMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = d === lastDay(y, m) ? lastDay(year, month) : Math.min(d, lastDay(year, month));
  return isoDateFromParts(year, month, day);
}

type Row = Record<string, string>;

function readCsv(text: string): { headers: string[]; rows: Row[] } {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return { headers: parsed.meta.fields ?? [], rows: parsed.data };
}

const writeCsv = (headers: string[], rows: Row[]) =>
  `${Papa.unparse({ fields: headers, data: rows.map((r) => headers.map((h) => r[h] ?? '')) })}\n`;

const frontmatterValue = (text: string, key: string) => new RegExp(`^${key}: *(.*)$`, 'm').exec(text)?.[1]?.trim();

interface RealDocument {
  id: string;
  region: string;
  text: string;
}

/** The corpus at `scale`: the real content plus `scale − 1` synthetic county-years. */
export function* syntheticCorpus(real: readonly ContentFile[], scale: number): Generator<ContentFile> {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a whole number ≥ 1, got ${scale}`);
  const byPath = new Map(real.map((f) => [f.path, f.text]));
  const table = (name: string) => readCsv(byPath.get(`tables/${name}.csv`) ?? '');
  const regions = table('regions');
  const stems = new Map(regions.rows.map((r) => [r['编号']!, regionStem(r['名称']!)]));
  const documents = (kind: string): RealDocument[] =>
    real
      .filter((f) => f.path.startsWith(`${kind}/`) && f.path.endsWith('.mdx'))
      .map((f) => ({ id: f.path.slice(kind.length + 1, -4), region: frontmatterValue(f.text, 'region')!, text: f.text }));
  const policies = documents('policies');
  const briefings = documents('briefings');
  const taskLists = real.filter((f) => f.path.startsWith('tasks/')).map((f) => ({ id: f.path.slice(6, -4), ...readCsv(f.text) }));
  const tables = Object.fromEntries(
    ['targets', 'assignments', 'progress', 'ranking-tiers', 'evaluation-weights'].map((name) => [name, table(name)]),
  );
  const added: Record<string, Row[]> = {
    regions: [],
    targets: [],
    assignments: [],
    progress: [],
    'ranking-tiers': [],
    'evaluation-weights': [],
  };

  // Every real file passes through unchanged; the tables get their synthetic rows at the end.
  for (const file of real)
    if (!/^tables\/(regions|targets|assignments|progress|ranking-tiers|evaluation-weights)\.csv$/.test(file.path)) yield file;

  for (let unit = 1; unit < scale; unit++) {
    const county = SYNTHETIC_COUNTIES[(unit - 1) % COUNTIES]!;
    const years = Math.floor((unit - 1) / COUNTIES);
    if (years === 0) added.regions!.push({ 编号: county.id, 名称: county.name, 层级: county.level, 上级: county.parent });
    /** Text of a real region's document, as the county's: its name, its years, its ids. */
    const localise = (text: string, region: string) =>
      shiftYears(text.replaceAll(stems.get(region) ?? region, county.stem), years)
        .replace(/\]\(\/(tasks|policies|briefings)\//g, `](/$1/${county.id}-`)
        .replace(/^region: .*$/m, `region: ${county.id}`)
        .replace(/dataset: tasks\//g, `dataset: tasks/${county.id}-`);
    const newId = (id: string) => `${county.id}-${shiftYears(id, years)}`;
    const localRow = (row: Row, region: string, ids: Row) => {
      const out: Row = {};
      // A cell holding only a year (年度) moves with the dates.
      for (const [key, value] of Object.entries(row))
        out[key] = /^20\d\d$/.test(value ?? '') ? String(Number(value) + years) : localise(value ?? '', region);
      return { ...out, ...ids };
    };

    for (const policy of policies) {
      yield { path: `policies/${newId(policy.id)}.mdx`, text: localise(policy.text, policy.region) };
      for (const name of ['targets', 'assignments'] as const) {
        for (const row of tables[name]!.rows.filter((r) => r['来源政策'] === policy.id))
          added[name]!.push(
            localRow(row, policy.region, {
              ...(row['编号'] ? { 编号: newId(row['编号']) } : {}),
              地区: county.id,
              来源政策: newId(policy.id),
            }),
          );
      }
    }
    for (const list of taskLists) {
      const policy = list.rows[0]?.['来源政策'];
      const region = list.rows[0]?.['地区'] ?? '';
      const rows = list.rows.map((row) => localRow(row, region, { 地区: county.id, ...(policy ? { 来源政策: newId(policy) } : {}) }));
      yield { path: `tasks/${newId(list.id)}.csv`, text: writeCsv(list.headers, rows) };
    }

    for (const briefing of briefings) {
      const issue = Number(frontmatterValue(briefing.text, 'issue'));
      const date = frontmatterValue(briefing.text, 'date')!;
      for (let k = 1; k <= BRIEFINGS_PER_YEAR; k++) {
        const months = k - issue;
        // A series numbers its issues on from year to year.
        const number = years * BRIEFINGS_PER_YEAR + k;
        const id = `${newId(briefing.id).replace(/-\d+$/, '')}-${String(number).padStart(2, '0')}`;
        // Dates printed without a year (截止7月31日) move with the issue.
        const retime = (text: string, region: string) =>
          localise(text, region)
            .replace(/第\d+期/g, `第${number}期`)
            .replace(/^issue: .*$/m, `issue: ${number}`)
            .replace(/^date: .*$/m, `date: ${shiftMonths(shiftYears(date, years), months)}`);
        yield { path: `briefings/${id}.mdx`, text: retime(briefing.text, briefing.region) };
        for (const name of ['progress', 'ranking-tiers'] as const) {
          for (const row of tables[name]!.rows.filter((r) => r['来源简报'] === briefing.id)) {
            const asOf = row['截至日期'] ?? row['发布日期'];
            const moved = asOf ? shiftMonths(shiftYears(asOf, years), months) : undefined;
            const [, month, day] = (asOf ?? '').split('-').map(Number);
            const [, newMonth, newDay] = (moved ?? '').split('-').map(Number);
            const local = localRow(row, briefing.region, {
              编号: `${newId(row['编号']!)}-${k}`,
              地区: county.id,
              来源简报: id,
              ...(row['截至日期'] ? { 截至日期: moved! } : {}),
              ...(row['发布日期'] ? { 发布日期: moved! } : {}),
            });
            if (local['原文'] && month) local['原文'] = local['原文'].replaceAll(`${month}月${day}日`, `${newMonth}月${newDay}日`);
            added[name]!.push(local);
          }
        }
        // Weights are per region and year and must add up to 100: one set per county-year.
        if (k === issue) {
          for (const row of tables['evaluation-weights']!.rows.filter((r) => r['来源简报'] === briefing.id))
            added['evaluation-weights']!.push(
              localRow(row, briefing.region, { 编号: newId(row['编号']!), 适用地区: county.id, 来源简报: id }),
            );
        }
      }
    }
  }

  for (const [name, rows] of Object.entries(added)) {
    const { headers, rows: realRows } = name === 'regions' ? regions : tables[name]!;
    yield { path: `tables/${name}.csv`, text: writeCsv(headers, [...realRows, ...rows]) };
  }
}
