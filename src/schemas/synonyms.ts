import { z } from 'astro/zod';
import { defineTable } from './table.ts';
import { nameList, optionalText, requiredText } from './fields.ts';
import { messageText } from '../core/content-messages.ts';

// A query is searched by words of two characters or more, so a one-character everyday word would never be used.
const everydayTerm = () =>
  requiredText().refine((term) => term.trim() === '' || Array.from(term.trim()).length >= 2, {
    error: messageText('synonym-term-too-short'),
  });

const terms = () => nameList().pipe(z.array(z.string()).min(1, { error: messageText('terms-required') }));

export const synonymsTable = defineTable({
  id: 'synonyms',
  title: '搜索同义词',
  description:
    '站内搜索用的同义词：读者常用的说法（如“办电”“打官司”）对应文件里的用语（如“获得电力”“执行合同”）。读者搜常用说法时，也会找到含文件用语的内容。每一行须有依据：文件自己给出的简称或别名，或通行的说法。',
  labelColumn: '常用说法',
  columns: [
    { header: '常用说法', key: 'term', kind: 'text', description: '读者可能输入的词，例如 办电。' },
    {
      header: '文件用语',
      key: 'documentTerms',
      kind: 'text',
      description: '文件里对应的用语，多个用英文分号 ; 分隔，例如 获得电力;办电率。',
    },
    { header: '依据', key: 'basis', kind: 'text', description: '为什么两者同义：文件中的原文出处（文件和章节），或“通行说法”。' },
    { header: '说明', key: 'note', kind: 'text', description: '补充说明，可留空。' },
  ],
  schema: z.object({ term: everydayTerm(), documentTerms: terms(), basis: requiredText(), note: optionalText() }),
});

export type Synonym = z.output<typeof synonymsTable.schema>;
