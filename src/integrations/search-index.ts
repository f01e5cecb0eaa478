/**
 * Writes the search index into search-index/: one record per document
 * section and data row, split into small files so that a query downloads
 * only what it needs (see src/lib/search/search-index-writer.ts), with the query vocabulary
 * that folds traditional characters and indicator aliases.
 *
 * The index depends only on the content, so it is built in a child process
 * (write-search-index.ts, see model-process.ts) while Astro renders.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import * as OpenCC from 'opencc-js';
import * as OpenCCPresets from 'opencc-js/preset';
import { contentRoot, loadContentModel, loadSiteModel } from '../loaders/content-files.ts';
import { SEARCH_KINDS, searchRecords, type SearchRecord } from '../lib/search/search-records.ts';
import { pinyin } from 'pinyin-pro';
import type { IndexVocabulary } from '../lib/search/vocabulary-files.ts';
import { orderRecords } from '../lib/search/index-layout.ts';
import { SEARCH_INDEX_DIR } from '../lib/search/search-index-format.ts';
import { indicatorNames, pinyinVocabulary, siteSynonyms, siteWords } from '../lib/search/site-vocabulary.ts';
import { pinyinTerms } from '../lib/search/pinyin-reading.ts';
import { answerRecords } from '../lib/search/answer-records.ts';
import { parseWordnet, relatedWords, wordsOccurring } from '../lib/search/related-words.ts';
import type { IndexedRecord } from '../lib/search/phrase-search.ts';
import type { ContentModel } from '../lib/content/content-model.ts';
import { outputFolder } from './built-files.ts';
import { CHANGED_BUILD } from '../lib/build-mode.ts';
import { contentReadsDir } from './content-gate.ts';
import { moveInto, runWithModel } from './model-process.ts';

/** The records of the current content, as the index and the search benchmark both see them. */
export function currentSearchRecords(model = loadSiteModel(), root = contentRoot()): SearchRecord[] {
  return searchRecords(model, (kind, id) => readFileSync(join(root, kind, `${id}.mdx`), 'utf8'));
}

/**
 * Traditional and variant characters → simplified, from OpenCC's complete
 * tables (Taiwan, Hong Kong and Japanese variants included): every character
 * any of them converts to a single other character.
 */
export function traditionalTable(common: ReadonlySet<string> = new Set(commonCharacters())): Map<string, string> {
  const converters = (['t', 'tw', 'hk', 'jp'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const characters = new Set<string>();
  // Every character any dictionary of the conversions to simplified mentions.
  const dictionaries = [...Object.values(OpenCCPresets.from), ...Object.values(OpenCCPresets.to)].flat(2);
  for (const dictionary of dictionaries)
    for (const pair of typeof dictionary === 'string' ? dictionary.split('|') : [])
      for (const word of pair.split(' ')) for (const ch of word) characters.add(ch);
  const table = new Map<string, string>();
  // A character of the simplified standard set stays as it is (OpenCC's variant tables map 么 to 幺, for one).
  for (const ch of characters) {
    if (common.has(ch)) continue;
    for (const convert of converters) {
      const simplified = convert(ch);
      if (simplified !== ch && Array.from(simplified).length === 1) {
        table.set(ch, simplified);
        break;
      }
    }
  }
  return table;
}

/** The 6,763 characters of GB 2312, the common characters a typo's homophone is looked up among. */
function commonCharacters(): string[] {
  const decoder = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let high = 0xb0; high <= 0xf7; high++)
    for (let low = 0xa1; low <= 0xfe; low++) {
      const ch = decoder.decode(new Uint8Array([high, low]));
      if (/^\p{Script=Han}$/u.test(ch)) out.push(ch);
    }
  return out;
}

/** The general Chinese wordnet vendored with its license (vendor/chinese-open-wordnet/PROVENANCE.md). */
const WORDNET = fileURLToPath(new URL('../../vendor/chinese-open-wordnet/wn-data-cmn.tab', import.meta.url));

/**
 * Everyday words the site's text does not use → its words of the same sense,
 * from the wordnet's synsets that share a word with the text; words the
 * synonyms dataset lists are left to it.
 */
export function siteRelatedWords(records: readonly SearchRecord[], model: ContentModel): Record<string, string[]> {
  const synsets = parseWordnet(readFileSync(WORDNET, 'utf8'));
  const inText = wordsOccurring(
    synsets.flat(),
    records.flatMap((r) => [r.title, r.content]),
  );
  const own = new Set(model.synonyms.flatMap(({ data }) => [data.term, ...data.documentTerms]));
  return relatedWords(synsets, (word) => inText.has(word), own);
}

export function currentVocabulary(records: readonly SearchRecord[], model = loadSiteModel()): IndexVocabulary {
  const words = siteWords(model, records);
  const common = new Set(commonCharacters());
  const characters = new Set(common);
  for (const word of words) for (const ch of word) if (/\p{Script=Han}/u.test(ch)) characters.add(ch);
  const pinyinTable = new Map<string, string>();
  for (const ch of characters) {
    const reading = pinyin(ch, { toneType: 'none', type: 'string' });
    if (/^[a-zü]+$/.test(reading)) pinyinTable.set(ch, reading);
  }
  // Whole words through pinyin-pro, so a character with several readings takes the one the word gives it (银行 → yin hang).
  const terms = pinyinTerms(pinyinVocabulary(model, words), (word) => pinyin(word, { toneType: 'none', type: 'array' }));
  return {
    traditional: traditionalTable(common),
    pinyin: pinyinTable,
    words,
    synonyms: siteSynonyms(model),
    names: indicatorNames(model),
    pinyinTerms: terms,
    answers: answerRecords(model),
    related: siteRelatedWords(records, model),
  };
}

export function indexedRecords(records: readonly SearchRecord[]): IndexedRecord[] {
  return records.map(({ content, ...rest }) => ({ ...rest, text: content }));
}

/**
 * What the index is built from: the records in index order and the query
 * vocabulary. Takes the model rather than loading it, so the caller can let
 * the model go before the index is built.
 */
export function searchIndexInputs(model: ContentModel, root = contentRoot()): { records: IndexedRecord[]; vocabulary: IndexVocabulary } {
  const records = currentSearchRecords(model, root);
  const vocabulary = currentVocabulary(records, model);
  return { records: orderRecords(indexedRecords(records), Object.values(SEARCH_KINDS)), vocabulary };
}

/**
 * The search index, built beside the renderer by its own process, in two places among the integrations. An
 * update of the previous index (a `--changed` build) is started by `starting`, placed before the content gate:
 * its process checks the content itself from the gate's kept reads (loaders/file-reads.ts) rather than waiting
 * for the gate and the model, about 2 s sooner at province scale. A whole index is started by `building`, after
 * the gate, with the model the gate checked. `building` then waits for either once the pages are done.
 */
export function searchIndex(): { starting: AstroIntegration; building: AstroIntegration } {
  let staging = '';
  let updating = false;
  let pending: Promise<string> | undefined;
  /** Starts the index's process: an update of the index in `out`, checking the content from `reads`, or a whole new index. */
  const start = (config: AstroConfig, reads?: string) => {
    const out = join(fileURLToPath(config.outDir), SEARCH_INDEX_DIR);
    staging = fileURLToPath(new URL('search-index-build/', config.cacheDir));
    // Kept with the build's cache, never published: it describes the index in the output.
    const stateFile = fileURLToPath(new URL('search-index-state.json', config.cacheDir));
    // With `--update`, the child writes only the files of the previous index that changed.
    const script = fileURLToPath(new URL('./write-search-index.ts', import.meta.url));
    const args = updating ? [out, stateFile, '--update', ...(reads ? [reads] : [])] : [staging, stateFile];
    pending = runWithModel(script, args, reads ? undefined : loadContentModel(), { what: '搜索索引' });
    // Reported when awaited below; this stops an early failure from being unhandled meanwhile.
    pending.catch(() => {});
  };
  return {
    starting: {
      name: 'search-index:starting',
      hooks: {
        'astro:config:setup': ({ command, config }) => {
          // A `--changed` build updates the previous index where it is; a full build writes a new one beside the output.
          updating = command === 'build' && CHANGED_BUILD && existsSync(join(fileURLToPath(config.outDir), SEARCH_INDEX_DIR));
          if (updating) start(config, contentReadsDir(config.cacheDir));
        },
      },
    },
    building: {
      name: 'search-index',
      hooks: {
        // Started as soon as the content gate has validated the content, so the
        // index is built while Astro renders the documents and bundles the pages.
        'astro:config:setup': ({ command, config }) => {
          if (command === 'build' && !updating) start(config);
        },
        'astro:build:done': async ({ dir, logger }) => {
          const waitStarted = performance.now();
          const summary = await pending!;
          const waited = (performance.now() - waitStarted) / 1000;
          // An update leaves the index where it is, its files and their copies as this build wants them.
          if (!updating) {
            const out = join(outputFolder(dir), SEARCH_INDEX_DIR);
            rmSync(out, { recursive: true, force: true });
            moveInto(staging, out);
          }
          // How long the pages waited for the index: the part of its time the renderer did not hide.
          logger.info(`${summary}（页面生成后等待 ${waited.toFixed(1)} s）`);
        },
      },
    },
  };
}
