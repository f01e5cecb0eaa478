/**
 * The answer card above the results: chosen from the structured records
 * (answer-records.ts) by what the query names — its region, its indicator,
 * tracker or target, a document number — and the kind of thing it asks for
 * (who is responsible, how far a tracker has got, what a target is). Pure.
 *
 * A card is shown only when exactly one thing fits: one region and one
 * indicator for who is responsible, one tracker's latest figures, one target
 * name (for each region it is set in, when no region is named), one 文号.
 * When nothing fits exactly there is no card: a wrong answer is worse than none.
 */
import { completionRate, checkPublishedRate, describeDisagreement, formatPercent } from '../figures/rates.ts';
import { formatChineseDate } from '../../core/dates.ts';
import type {
  AnswerKind,
  AnswerRecords,
  AnswerSource,
  FigureAnswer,
  PolicyAnswer,
  ResponsibleAnswer,
  TargetAnswer,
} from './answer-records.ts';
import { normaliseDocumentNumbers, QUESTION_WORDS, regionForms } from './query-understanding.ts';
import { squeeze } from './search-text.ts';

/** Words that ask who is responsible. */
const RESPONSIBLE_CUES = [
  '牵头单位',
  '牵头领导',
  '牵头',
  '负责',
  '指标长',
  '领班',
  '带班领导',
  '带班',
  '配合单位',
  '配合',
  '责任单位',
  '责任分工',
  '哪个单位',
  '哪个部门',
  '哪个局',
  '找哪',
  '谁',
];
/** Words that ask for a target's value. */
const TARGET_CUES = ['目标', '达到', '要求', '压缩', '压减', '提高到', '不少于', '以上', '以内', '多少', '几'];
/** A run of text that read as a document number (see normaliseDocumentNumbers). */
const DOCUMENT_NUMBER_KEY = /\p{Script=Han}{2,}(?:19|20)\d{2}\d{1,4}号/u;
/** A target card lists the regions that set a target, when no region is named, up to this many. */
const MAX_TARGET_ROWS = 4;
/** A target named by part of its name: the part is at least this long. */
const MIN_PARTIAL_METRIC = 3;

/** What the query names, as understood (see query-understanding.ts). */
export interface AnswerQuery {
  /** The query folded, document numbers normalised, squeezed, without spaces. */
  text: string;
  /** Regions named (their full names). */
  regions: readonly string[];
  /** Other forms the query's words were searched as (synonyms, an indicator's own name). */
  otherForms: readonly string[];
}

/** Folded text as the query is matched: brackets, quotation marks and spaces squeezed out. */
export const answerKey = (text: string, fold: (text: string) => string = (t) => t) =>
  squeeze(fold(normaliseDocumentNumbers(text))).text.replace(/\s+/g, '');

/** The number part of a document number's key (湖办发20238号 → 20238号): what policies are filed by. */
const NUMBER_KEY = /\d+号/gu;
/** A part of a target's name that more names than this hold is too vague to read them all for. */
const MAX_PARTIAL_NAMES = 8;

/** The keys a record is filed under (the shard of each key holds it), so a query reads only the shards of its keys. */
export function answerKeys(kind: AnswerKind, record: AnswerRecords[AnswerKind][number]): string[] {
  if (kind === 'responsible') return [answerKey((record as ResponsibleAnswer).region)];
  if (kind === 'figure') return (record as FigureAnswer).trackerNames.map((name) => answerKey(name));
  if (kind === 'target') return [answerKey((record as TargetAnswer).metric)];
  return (
    answerKey((record as PolicyAnswer).docNumber)
      .match(NUMBER_KEY)
      ?.slice(-1) ?? []
  );
}

/** A target's or a tracker's name, as the index files it under each pair it holds. */
export interface AnswerName {
  kind: 'figure' | 'target';
  /** As answerKey gives it. */
  key: string;
}

/**
 * The keys whose records may answer the query: the number of a document number, the region asked who
 * is responsible in, the trackers and targets it names in full (`names`: those the index holds that share a
 * pair with the query), or, after a word asking for a target, the target names holding the rest of the query.
 */
export function wantedAnswerKeys(query: AnswerQuery, names: readonly AnswerName[]): { kind: AnswerKind; key: string }[] {
  const wanted: { kind: AnswerKind; key: string }[] = [];
  if (DOCUMENT_NUMBER_KEY.test(query.text)) for (const key of query.text.match(NUMBER_KEY) ?? []) wanted.push({ kind: 'policy', key });
  if (query.regions.length === 1 && RESPONSIBLE_CUES.some((cue) => query.text.includes(cue)))
    wanted.push({ kind: 'responsible', key: answerKey(query.regions[0]!) });
  const inFull = names.filter((n) => n.key.length >= 2 && query.text.includes(n.key));
  for (const n of inFull) wanted.push({ kind: n.kind, key: n.key });
  if (!inFull.some((n) => n.kind === 'target') && TARGET_CUES.some((cue) => query.text.includes(cue))) {
    const part = namedPart(query);
    const holding = Array.from(part).length >= MIN_PARTIAL_METRIC ? names.filter((n) => n.kind === 'target' && n.key.includes(part)) : [];
    if (holding.length <= MAX_PARTIAL_NAMES) for (const n of holding) wanted.push({ kind: 'target', key: n.key });
  }
  return [...new Map(wanted.map((w) => [`${w.kind} ${w.key}`, w])).values()];
}

export interface AnswerRow {
  label: string;
  value: string;
}

export interface AnswerEntry {
  heading: string;
  rows: AnswerRow[];
  /** The exact words of the source. */
  quote?: string | undefined;
  /** ※ where the published rate differs from the one computed from the counts. */
  note?: string | undefined;
  url: string;
  source: AnswerSource;
}

export interface AnswerCard {
  kind: AnswerKind;
  title: string;
  entries: AnswerEntry[];
}

/** Names the text holds, each dropped when it is only part of a longer name held for another key: 市场监管 inside 劳动力市场监管. */
function namedKeys(text: string, otherForms: readonly string[], names: readonly { key: string; names: readonly string[] }[]): string[] {
  const held = names
    .map(({ key, names: all }) => ({
      key,
      found: all.map((n) => answerKey(n)).filter((n) => n.length >= 2 && (text.includes(n) || otherForms.includes(n))),
    }))
    .filter((h) => h.found.length > 0);
  return [
    ...new Set(
      held
        .filter((h) => !h.found.every((n) => held.some((o) => o.key !== h.key && o.found.some((m) => m !== n && m.includes(n)))))
        .map((h) => h.key),
    ),
  ];
}

const inRegion = (query: AnswerQuery) => (record: { region: string }) =>
  query.regions.length === 0 || query.regions.includes(record.region);

function responsibleCard(query: AnswerQuery, records: readonly ResponsibleAnswer[]): AnswerCard | undefined {
  if (query.regions.length !== 1 || !RESPONSIBLE_CUES.some((cue) => query.text.includes(cue))) return undefined;
  const indicators = namedKeys(
    query.text,
    query.otherForms,
    records.map((r) => ({ key: r.indicator, names: r.indicatorNames })),
  );
  if (indicators.length !== 1) return undefined;
  const fits = records.filter((r) => r.indicator === indicators[0] && r.region === query.regions[0]);
  if (fits.length !== 1) return undefined;
  const r = fits[0]!;
  const rows = [
    { label: '牵头单位', value: r.leadUnit },
    { label: r.leaderTitle ?? '牵头领导', value: r.leader },
    { label: '带班领导', value: r.shiftLeader },
    { label: '配合单位', value: r.supportingUnits },
  ].filter((row): row is AnswerRow => Boolean(row.value));
  if (rows.length === 0) return undefined;
  return {
    kind: 'responsible',
    title: `${r.region} ${r.nameInSource}`,
    entries: [{ heading: `${r.region} · ${r.nameInSource}`, rows, url: r.url, source: r.source }],
  };
}

const count = (n: number | undefined) => (n === undefined ? undefined : `${n} 项`);

function figureCard(query: AnswerQuery, records: readonly FigureAnswer[]): AnswerCard | undefined {
  const trackers = namedKeys(
    query.text,
    query.otherForms,
    records.map((r) => ({ key: r.tracker, names: r.trackerNames })),
  );
  if (trackers.length !== 1) return undefined;
  const fits = records.filter((r) => r.tracker === trackers[0]).filter(inRegion(query));
  if (fits.length === 0 || new Set(fits.map((r) => r.region)).size !== 1) return undefined;
  const latest = [...fits].sort((a, b) => b.asOf.localeCompare(a.asOf))[0]!;
  const counts = {
    total: latest.total,
    completed: latest.completed,
    inProgress: latest.inProgress,
    notCompleted: latest.notCompleted,
    longTerm: latest.longTerm,
  };
  const check = checkPublishedRate(counts, latest.publishedRate);
  const disagreement = describeDisagreement(check);
  const rows = [
    { label: '截至日期', value: formatChineseDate(latest.asOf) },
    { label: '总数', value: count(latest.total) },
    { label: '已完成', value: count(latest.completed) },
    { label: '正在推进', value: count(latest.inProgress) },
    { label: '未完成', value: count(latest.notCompleted) },
    { label: '长期坚持', value: count(latest.longTerm) },
    { label: '公布完成率', value: latest.publishedRate === undefined ? undefined : `${latest.publishedRate}%${disagreement ? ' ※' : ''}` },
    {
      label: '按已完成 ÷ 总数计算',
      value: latest.completed === undefined ? undefined : formatPercent(completionRate(latest.completed, latest.total)),
    },
  ].filter((row): row is AnswerRow => Boolean(row.value));
  return {
    kind: 'figure',
    title: `${latest.region} ${latest.trackerNames[0]}进展`,
    entries: [
      {
        heading: `${latest.region} · ${latest.trackerNames[0]}`,
        rows,
        quote: latest.quote,
        note: disagreement && `※ ${disagreement}`,
        url: latest.url,
        source: latest.source,
      },
    ],
  };
}

/** The query without region names, question words and target cues: what it names. */
function namedPart(query: AnswerQuery): string {
  let rest = query.text;
  const forms = query.regions.flatMap(regionForms);
  for (const word of [...forms, ...TARGET_CUES, ...QUESTION_WORDS].sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  return rest;
}

function targetCard(query: AnswerQuery, records: readonly TargetAnswer[]): AnswerCard | undefined {
  const keyed = records.map((r) => ({ record: r, key: answerKey(r.metric) }));
  // A target named in full; else, after a word asking for a target, named by a part only one target name holds.
  let named = keyed.filter((k) => k.key.length >= 2 && query.text.includes(k.key));
  if (named.length > 0) {
    const longest = Math.max(...named.map((k) => k.key.length));
    named = named.filter((k) => k.key.length === longest);
  } else if (TARGET_CUES.some((cue) => query.text.includes(cue))) {
    const part = namedPart(query);
    named = Array.from(part).length >= MIN_PARTIAL_METRIC ? keyed.filter((k) => k.key.includes(part)) : [];
  }
  if (new Set(named.map((k) => k.key)).size !== 1) return undefined;
  const fits = named.map((k) => k.record).filter(inRegion(query));
  const regions = new Set(fits.map((r) => r.region));
  if (fits.length === 0 || regions.size !== fits.length || fits.length > MAX_TARGET_ROWS) return undefined;
  return {
    kind: 'target',
    title: fits[0]!.metric,
    entries: fits.map((t) => ({
      heading: `${t.region} · ${t.metric}`,
      rows: [
        { label: '目标', value: `${t.comparator} ${t.value}${t.unit}` },
        ...(t.deadline ? [{ label: '期限', value: formatChineseDate(t.deadline) }] : []),
      ],
      quote: t.quote,
      url: t.url,
      source: t.source,
    })),
  };
}

function policyCard(query: AnswerQuery, records: readonly PolicyAnswer[]): AnswerCard | undefined {
  const fits = records.filter((p) => query.text.includes(answerKey(p.docNumber)));
  if (fits.length !== 1) return undefined;
  const p = fits[0]!;
  return {
    kind: 'policy',
    title: p.title,
    entries: [
      {
        heading: p.docNumber,
        rows: [
          { label: '文件', value: p.title },
          { label: '发文单位', value: p.source.authors.join('、') },
          ...(p.source.published ? [{ label: '日期', value: formatChineseDate(p.source.published) }] : []),
        ],
        url: p.url,
        source: p.source,
      },
    ],
  };
}

/** The card for a query, from the records of the kinds read (askedKinds); undefined when nothing fits exactly. */
export function chooseAnswerCard(query: AnswerQuery, records: Partial<AnswerRecords>): AnswerCard | undefined {
  return (
    (records.policy && policyCard(query, records.policy)) ??
    (records.responsible && responsibleCard(query, records.responsible)) ??
    (records.figure && figureCard(query, records.figure)) ??
    (records.target && targetCard(query, records.target)) ??
    undefined
  );
}
