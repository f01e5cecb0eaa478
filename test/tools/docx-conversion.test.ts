/**
 * The pure parts of the Word import, without a disk: telling a .docx from
 * what staff send instead, reading the masthead and the 公文 head, headings,
 * merged table cells, and the figures of a briefing's sentences — checked
 * against the figures 龙南简报第3期 published, as progress.csv records them.
 */
import { describe, expect, test } from 'vitest';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { checkDocxFormat, htmlToBlocks, readDocx, type DocxParagraph, type DocxTable } from '../../scripts/authoring/docx-reader.ts';
import { convertBody, recogniseHeading } from '../../scripts/authoring/docx-body.ts';
import { readMasthead } from '../../scripts/authoring/docx-briefing.ts';
import { withRows } from '../../src/lib/content/csv-rows.ts';
import { readPolicyHead, tableSheet } from '../../scripts/authoring/docx-policy.ts';
import { dateAsWritten, sentencesOf, tierFigures, trackerFigure, type TrackerFigure } from '../../scripts/authoring/figure-sentences.ts';

const TRACKERS = [
  { id: 'disanfang-zhenggai', name: '第三方评价反馈问题整改', aliases: ['第三方整改', '第三方评价反馈'] },
  { id: 'duibiao-tisheng', name: '对标提升', aliases: ['对标湾区持续优化提升营商环境重点任务'] },
  { id: 'chuangxin-shidian', name: '创新试点', aliases: ['创新试点城市', '创新试点改革'] },
  { id: 'fangguanfu-gaige', name: '“放管服”改革重点任务', aliases: ['放管服'] },
];
const INDICATORS = [
  '政务服务:zhengwu-fuwu',
  '执行合同:zhixing-hetong',
  '获得电力:huode-dianli',
  '开办企业:kaiban-qiye',
  '获得信贷:huode-xindai',
].map((pair, order) => {
  const [name, id] = pair.split(':') as [string, string];
  return { id, name, aliases: name === '开办企业' ? ['企业开办'] : [], order };
});
const paragraph = (text: string, extra: Partial<DocxParagraph> = {}): DocxParagraph => ({
  kind: 'paragraph',
  text,
  markdown: text,
  bold: false,
  ...extra,
});

describe('file format', () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  test.each([
    ['简报.doc', ole, '旧版 Word/WPS 格式'],
    ['简报.wps', ole, '另存为'],
    ['简报.pdf', new TextEncoder().encode('%PDF-1.7'), 'PDF 文件'],
    ['简报.docx', ole, '设置了打开密码'],
    ['简报.docx', new Uint8Array(), '空文件'],
    ['简报.docx', new TextEncoder().encode('纯文本'), '不是 Word 文档'],
  ])('%s is refused with what to do', (name, bytes, expected) => {
    const result = checkDocxFormat(bytes, name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(expected);
  });
  test('a .doc message says how to save as .docx in Word and in WPS', () => {
    const result = checkDocxFormat(ole, '简报.doc');
    expect(!result.ok && result.message).toMatch(/Word 文档 \(\*\.docx\).*WPS.*Microsoft Word 文件 \(\*\.docx\)/);
  });
  test('a zip is accepted', () => expect(checkDocxFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'a.docx').ok).toBe(true));
});

describe('reading mammoth HTML', () => {
  const { blocks, footnotes } = htmlToBlocks(
    '<p><strong>重要会议：</strong>6月9日{召开}会议<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>' +
      '<p>单位\t2023年8月4日</p><table><tr><td colspan="2"><p>A</p></td><td rowspan="2"><p>C</p></td></tr><tr><td><p>a</p></td><td><p>b</p></td></tr></table>' +
      '<ol><li id="footnote-1"><p>脚注 <a href="#footnote-ref-1">↑</a></p></li></ol>',
  );
  test('bold lead, braces escaped for MDX, footnote reference', () => {
    expect(blocks[0]).toMatchObject({
      kind: 'paragraph',
      boldLead: '重要会议：',
      markdown: '<strong>重要会议：</strong>6月9日\\{召开\\}会议<sup>[注1](#zhu-1)</sup>',
    });
    expect(footnotes).toEqual([{ id: '1', text: '脚注', markdown: '脚注' }]);
  });
  test('a tab in the masthead line is kept', () => expect((blocks[1] as DocxParagraph).text).toBe('单位\t2023年8月4日'));
  test('merged cells keep their spans', () =>
    expect((blocks[2] as DocxTable).rows.map((r) => r.map((c) => [c.text, c.colspan, c.rowspan]))).toEqual([
      [
        ['A', 2, 1],
        ['C', 1, 2],
      ],
      [
        ['a', 1, 1],
        ['b', 1, 1],
      ],
    ]));
});

describe('masthead', () => {
  test('title lines, 第N期, issuer and date split by a tab', () =>
    expect(
      readMasthead([
        paragraph('龙南营商环境“一号改革工程”'),
        paragraph('工作简报'),
        paragraph('第 ４ 期'),
        paragraph('某某办公室\t2023年9月5日'),
        paragraph('正文'),
      ]),
    ).toEqual({
      series: '龙南营商环境“一号改革工程”工作简报',
      issue: 4,
      issuer: '某某办公室',
      date: '2023-09-05',
      bodyStart: 4,
    }));
  test('issuer and date on two lines, issue in Chinese numerals', () =>
    expect(readMasthead([paragraph('工作简报'), paragraph('第十二期'), paragraph('某某办公室'), paragraph('2023年12月1日')])).toMatchObject(
      { issue: 12, issuer: '某某办公室', date: '2023-12-01', bodyStart: 4 },
    ));
  test('no 第N期 line: nothing recognised', () =>
    expect(readMasthead([paragraph('工作简报'), paragraph('某某办公室 2023年9月5日')])).toEqual({ bodyStart: 0 }));
});

describe('headings', () => {
  test.each([
    ['【国家部委动态】', 'briefing', { rank: 0, heading: '【国家部委动态】' }],
    ['重要会议：', 'briefing', { rank: 1, heading: '重要会议：' }],
    ['（一）开办企业', 'policy', { rank: 3, heading: '（一）开办企业' }],
    ['1.压缩办电时间', 'policy', { rank: 4, heading: '1.压缩办电时间' }],
    ['二、重点任务。', 'policy', { rank: 2, heading: '二、重点任务' }],
  ] as const)('%s', (text, kind, expected) => expect(recogniseHeading(paragraph(text), kind)).toEqual(expected));
  test('a run-in heading splits from its text', () =>
    expect(
      recogniseHeading(
        paragraph('印发文件：8月15日，印发《办法》。', { boldLead: '印发文件：', markdown: '**印发文件：**8月15日，印发《办法》。' }),
        'briefing',
      ),
    ).toEqual({ rank: 1, heading: '印发文件：', rest: '8月15日，印发《办法》。' }));
  test('a numbered item that is a sentence stays a paragraph', () => {
    expect(recogniseHeading(paragraph('（1）6月9日，廖海旺同志主持召开了座谈会。'), 'briefing')).toBeUndefined();
    expect(recogniseHeading(paragraph('1.6月9日，市营商办召开调度会，会议强调了三点要求，部署了下一步工作。'), 'policy')).toBeUndefined();
  });
  test('anchors as hand-written documents get them; paragraphs know their section', () => {
    const body = convertBody(
      [
        paragraph('【领导小组办公室】'),
        paragraph('事项清单：'),
        paragraph('清单105项。'),
        paragraph('一、总体要求'),
        paragraph('（二）获得电力'),
      ],
      [],
      { kind: 'briefing', imageFolder: 'x' },
    );
    expect(body.headings.map((h) => [h.depth, h.anchor])).toEqual([
      [2, 'lingdaoxiaozu'],
      [3, 'shixiangqingdan'],
      [4, 'shixiangqingdan-1'],
      [5, 'shixiangqingdan-1-2'],
    ]);
    expect(body.paragraphs).toEqual([{ text: '清单105项。', section: 'shixiangqingdan' }]);
  });
});

test('an image is kept as a file: its place gets a comment and a review item', () => {
  const { blocks } = htmlToBlocks('<p>下图为现场照片。<img src="image1.png" /></p>');
  expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'image']);
  const body = convertBody(blocks, [], { kind: 'briefing', imageFolder: 'content/sources/x' });
  expect(body.mdx).toBe('下图为现场照片。\n\n{/* 图片：content/sources/x/image1.png（网站正文不显示图片） */}\n');
  expect(body.notes).toEqual([
    '原文在此处有一张图片，已保存为 content/sources/x/image1.png；网站正文不显示图片，需要时请把图中的文字或数字写入正文',
  ]);
});

test('readDocx keeps the bytes of an image', async () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const bytes = await Packer.toBuffer(
    new Document({
      sections: [
        { children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] })] },
      ],
    }),
  );
  const content = await readDocx(bytes);
  expect(content.blocks).toEqual([{ kind: 'image', name: 'image1.png' }]);
  expect(Buffer.from(content.images[0]!.bytes).equals(png)).toBe(true);
});

describe('tables', () => {
  test('a cell merged down fills each row it covers; one merged across keeps its value in the first column', () => {
    const cell = (text: string, colspan = 1, rowspan = 1) => ({ text, markdown: text, colspan, rowspan });
    expect(
      tableSheet({
        kind: 'table',
        rows: [
          [cell('序号'), cell('指标名称'), cell('举措')],
          [cell('1'), cell('开办企业', 1, 2), cell('甲')],
          [cell('2'), cell('乙')],
          [cell('合计', 2), cell('丙')],
        ],
      }),
    ).toEqual([
      ['序号', '指标名称', '举措'],
      ['1', '开办企业', '甲'],
      ['2', '开办企业', '乙'],
      ['合计', '', '丙'],
    ]);
  });
});

describe('the 公文 head', () => {
  test('…文件, 文号 with square brackets, two title lines, 主送', () =>
    expect(
      readPolicyHead([
        paragraph('中共某某区委办公室文件'),
        paragraph('某办发[2023]8号'),
        paragraph('关于印发《某某方案》'),
        paragraph('的通知'),
        paragraph('各镇党委、人民政府：'),
        paragraph('正文。'),
      ]),
    ).toEqual({
      office: '中共某某区委办公室',
      docNumber: '某办发〔2023〕8号',
      title: '关于印发《某某方案》的通知',
      addressee: '各镇党委、人民政府',
      bodyStart: 5,
    }));
});

describe('figures in sentences', () => {
  // The sentences and figures of 龙南简报第3期, as content/tables/progress.csv records them.
  const third = [
    [
      '第三方整改事项进展：2022年度省营商环境第三方评价反馈59项具体问题整改举措清单105项，截止7月31日，已完成83项，未完成11项，正在推进11项，完成率89.5%。',
      { tracker: 'disanfang-zhenggai', total: 105, completed: 83, inProgress: 11, notCompleted: 11, publishedRate: 89.5 },
    ],
    [
      '对标提升事项进展：对标湾区持续优化提升营商环境重点任务有93项，截止7月31日，已完成32项，未完成55项，长期坚持6项，完成率34.4%。',
      { tracker: 'duibiao-tisheng', total: 93, completed: 32, notCompleted: 55, longTerm: 6, publishedRate: 34.4 },
    ],
    [
      '创新试点城市事项进展：推进营商环境创新试点改革事项有125项，截止7月31日，已取得阶段性成效的事项有69项，未完成阶段任务的事项有15项，持续推进41项，完成率55.2%。',
      { tracker: 'chuangxin-shidian', total: 125, completed: 69, inProgress: 41, notCompleted: 15, publishedRate: 55.2 },
    ],
  ] as const;
  test.each(third)('%s', (sentence, expected) => {
    const figure = trackerFigure(sentence, '2023-08-04', TRACKERS) as TrackerFigure;
    expect(figure).toMatchObject({ ...expected, asOf: '2023-07-31', asOfText: '7月31日', quote: sentence });
    expect(figure).not.toHaveProperty(expected.tracker === 'duibiao-tisheng' ? 'inProgress' : 'longTerm');
  });
  test('the example of the issue: counts and the rate as written', () =>
    expect(
      trackerFigure('第三方整改：清单105项，截止8月31日，已完成96项，未完成3项，正在推进6项，完成率97.1%', '2023-09-05', TRACKERS),
    ).toMatchObject({ total: 105, completed: 96, notCompleted: 3, inProgress: 6, publishedRate: 97.1, asOf: '2023-08-31' }));
  test('no tracker named: unmatched, not guessed', () =>
    expect(trackerFigure('清单105项，截止8月31日，已完成96项，完成率91.4%', '2023-09-05', TRACKERS)).toMatchObject({
      reason: expect.stringContaining('没有对应的跟踪事项'),
    }));
  test('two trackers named: unmatched', () =>
    expect(trackerFigure('对标提升和创新试点事项共218项，截止8月31日，已完成125项。', '2023-09-05', TRACKERS)).toMatchObject({
      reason: expect.stringContaining('同时提到了多个跟踪事项'),
    }));
  test('a figure without a total, a completed count or date: unmatched with what is missing (已办结10项 is a count of what is done, not the total)', () =>
    expect(trackerFigure('投诉事项已办结10项，已完成回访9项。', '2023-09-05', TRACKERS)).toMatchObject({
      reason: '看起来是进展数字，但没有找到总数、已完成数、截止日期',
    }));
  test('sentences without counts are not figures', () =>
    expect(trackerFigure('推动落后指标补短提升、中游指标提档升位。', '2023-09-05', TRACKERS)).toBeUndefined());
  test('an as-of month later than the briefing is last year', () => expect(dateAsWritten('12月31日', '2024-01-10')).toBe('2023-12-31'));
  test('sentences keep their lead', () => expect(sentencesOf('甲进展：一。乙进展：二。')).toEqual(['甲进展：一。', '乙进展：二。']));

  const ranking =
    '重点监测事项情况：7月5日，赣州市营商办发布《关于各县（市、区）上半年优化营商环境主要指标情况的通报》，我市排名靠前的指标有政务服务、执行合同、获得电力等3个，11个指标排名处于中等水平，开办企业、获得信贷等2个指标排名靠后。';
  test('ranking tiers of 第3期, as ranking-tiers.csv records them', () =>
    expect(tierFigures(ranking, '2023-08-04', INDICATORS)).toEqual(
      [
        ['靠前', 3, ['zhengwu-fuwu', 'zhixing-hetong', 'huode-dianli']],
        ['中等', 11, []],
        ['靠后', 2, ['kaiban-qiye', 'huode-xindai']],
      ].map(([tier, count, indicators]) => ({
        tier,
        count,
        indicators,
        publishedOn: '2023-07-05',
        publisher: '赣州市营商办',
        document: '关于各县（市、区）上半年优化营商环境主要指标情况的通报',
        quote: ranking,
      })),
    ));
  test('a tier naming an unknown indicator is unmatched', () =>
    expect(tierFigures(ranking.replace('获得信贷', '信用环境'), '2023-08-04', INDICATORS)[2]).toEqual({
      quote: expect.any(String),
      reason: expect.stringContaining('“信用环境”不是已登记的指标名称或别名'),
    }));
});

describe('appending rows', () => {
  const csv = '编号,来源简报\na,b1\nb,b2\n';
  test('new rows at the end, the rest byte for byte', () =>
    expect(withRows(csv, ['编号', '来源简报'], [['c', 'b3']])).toBe(`${csv}c,b3\n`));
  test('on --force, the rows of the replaced briefing go first', () =>
    expect(withRows(csv, ['编号', '来源简报'], [['c', 'b2']], { column: '来源简报', value: 'b2' })).toBe('编号,来源简报\na,b1\nc,b2\n'));
});
