/**
 * The site's own words, for splitting run-together queries and correcting
 * typos: indicator names and aliases, target and tracker names, unit names,
 * people, benchmark cities, section headings, and the terms the documents
 * set in quotation or title marks (“带押过户”, 《合作协议》). Pure.
 */
import type { ContentModel } from '../content/content-model.ts';
import { regionForms } from './query-understanding.ts';

/** Separators inside a cell listing several units or people. */
const LIST = /[、，,；;\s]+|及|和/u;
/** Numbering and brackets at the start of a heading: 一、 （二） 1. 1、 【…】 */
const NUMBERING = /^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.、．]|[【\[])\s*/u;
const QUOTED = /[“《「『]([^”》」』\n]{2,16})[”》」』]/gu;

const split = (value: string | undefined) =>
  value
    ? value
        .split(LIST)
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

/** The words of headings: the heading without numbering, and its parts between punctuation. */
export function headingWords(heading: string): string[] {
  const clean = heading
    .replace(NUMBERING, '')
    .replace(/[】\]：:]+$/u, '')
    .trim();
  const parts = clean.split(/[，,：:；;。！!？?\s]+/u).filter(Boolean);
  return [...new Set([clean, ...parts])].filter((w) => Array.from(w).length <= 16);
}

export function quotedTerms(text: string): string[] {
  return Array.from(text.matchAll(QUOTED), (m) => m[1]!.trim());
}

/** Whether a text of two code units is one character: a surrogate pair, as 𠁀 is. */
const isSurrogatePair = (text: string) => (text.charCodeAt(0) & 0xfc00) === 0xd800;

export function siteWords(model: ContentModel, records: readonly { title: string; content: string }[]): Set<string> {
  const words = new Set<string>();
  const add = (values: Iterable<string>) => {
    for (const value of values) if (value.length > 2 || (value.length === 2 && !isSurrogatePair(value))) words.add(value);
  };
  for (const { data } of model.indicators) add([data.name, ...data.aliases]);
  for (const { data } of model.targets) add([data.metric]);
  for (const { data } of model.trackers) add([data.name]);
  for (const { data } of model.synonyms) add([data.term, ...data.documentTerms]);
  for (const { data } of model.assignments)
    add([
      data.nameInSource,
      ...split(data.leader),
      ...split(data.leadUnit),
      ...split(data.supportingUnits),
      ...split(data.shiftLeader),
      ...split(data.benchmarkCities),
    ]);
  for (const list of model.taskLists)
    for (const { data } of list.rows)
      add([
        ...split(data.indicatorName),
        ...split(data.leadUnit),
        ...split(data.supportingUnits),
        ...split(data.indicatorLead),
        ...split(data.actionLeader),
        ...split(data.actionUnit),
        ...split(data.action),
        ...split(data.benchmarkCities),
      ]);
  for (const record of records) {
    const heading = record.title.split(' › ')[1];
    if (heading) add(headingWords(heading));
    add(quotedTerms(record.content));
  }
  return words;
}

/** Everyday word → document terms, from the synonyms dataset. */
export function siteSynonyms(model: ContentModel): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const { data } of model.synonyms)
    synonyms[data.term] = [...new Set([...(synonyms[data.term] ?? []), ...data.documentTerms])].filter((t) => t !== data.term);
  return synonyms;
}

/** Each other name of an indicator → the indicator's own name. */
export function indicatorNames(model: ContentModel): Record<string, string> {
  const names: Record<string, string> = {};
  for (const { data } of model.indicators) for (const alias of data.aliases) if (alias !== data.name) names[alias] = data.name;
  return names;
}

/**
 * The words pinyin input may stand for, the most central first (a reading of
 * initials shared by several words offers them in this order): indicator
 * names and aliases, region names and short forms, trackers, everyday words
 * and the documents' terms for them, target names, then the rest of the
 * site's words.
 */
export function pinyinVocabulary(model: ContentModel, words: Iterable<string>): string[] {
  return [
    ...model.indicators.flatMap(({ data }) => [data.name, ...data.aliases]),
    ...model.regions.flatMap(({ data }) => regionForms(data.name)),
    ...model.trackers.flatMap(({ data }) => [data.name, ...data.aliases]),
    ...model.synonyms.flatMap(({ data }) => [data.term, ...data.documentTerms]),
    ...model.targets.map(({ data }) => data.metric),
    ...words,
  ];
}
