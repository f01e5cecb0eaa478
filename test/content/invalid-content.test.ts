/**
 * Every content rule has a broken fixture: the minimal valid tree with one file
 * replaced. Each must be rejected with a message that names the file, the row
 * or line, the field and the value, in words staff understand.
 */
import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { invalidCases, MINIMAL, withOverlay } from '../support/fixtures.ts';

const report = (caseName: string) =>
  validateContent(withOverlay(caseName), 'content').issues.map(formatIssue).join('\n');

test('the minimal fixture itself is valid, so each broken case fails for its own reason only', () => {
  expect(validateContent(readContentFiles(MINIMAL)).issues).toEqual([]);
});

test('there is a broken fixture for every rule listed here', () => {
  expect(invalidCases().length).toBeGreaterThanOrEqual(40);
});

describe('broken content is reported with file, place, field and value', () => {
  test('task-impossible-date', () => expect(report('task-impossible-date')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 1）  完成时限："2023-06-31"  不是真实存在的日期（该月没有这一天）"`));
  test('task-chinese-date', () => expect(report('task-chinese-date')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 1）  完成时限："2023年6月30日"  是中文写法的日期，这里要求写成 YYYY-MM-DD，例如 2023-06-30"`));
  test('task-missing-column', () => expect(report('task-missing-column')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第1行  牵头单位  缺少这一列 — 在表头加上“牵头单位”列（可以留空的列也必须有表头）"`));
  test('task-unknown-column', () => expect(report('task-unknown-column')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第1行  第12列："备注"  不是本表的列名 — 本表的列为：序号、任务组序号、地区、指标、指标名称、对标城市、预期目标、创新试点项目、专项行动、牵头区领导、总责任单位、工作任务、工作举措、指标长、牵头单位、配合单位、完成时限、来源政策、状态、截至日期"`));
  test('task-extra-comma', () => expect(report('task-extra-comma')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行  这一行有 12 个单元格，表头有 11 列 — 检查是否多了或少了逗号；含逗号的单元格要用英文双引号括起来"`));
  test('task-unclosed-quote', () => expect(report('task-unclosed-quote')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行  引号没有闭合：单元格以英文双引号开头，却没有对应的结束引号"`));
  test('task-empty-file', () => expect(report('task-empty-file')).toMatchInlineSnapshot(`"content/tasks/test-list.csv  文件是空的 — 第1行应为表头：序号,任务组序号,地区,指标,指标名称,对标城市,预期目标,创新试点项目,专项行动,牵头区领导,总责任单位,工作任务,工作举措,指标长,牵头单位,配合单位,完成时限,来源政策,状态,截至日期"`));
  test('task-gb18030-encoding', () => expect(report('task-gb18030-encoding')).toMatchInlineSnapshot(`"content/tasks/test-list.csv  文件不是 UTF-8 编码（含无法识别的字符） — 在 WPS/Excel 中另存为“CSV UTF-8（逗号分隔）”"`));
  test('task-duplicate-number', () => expect(report('task-duplicate-number')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第3行（序号 1）  序号："1"  序号重复：与第2行相同 — 每一行的编号必须唯一"`));
  test('task-unknown-region', () => expect(report('task-unknown-region')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 1）  地区："qingshanhu-qu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记"`));
  test('task-unknown-indicator', () => expect(report('task-unknown-indicator')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 1）  指标："kaiban"  不是已登记的指标编号 — 对照 content/tables/indicators.csv 的“编号”列填写"`));
  test('task-unknown-policy', () => expect(report('task-unknown-policy')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 1）  来源政策："no-such-policy"  找不到这份政策 — 应为 content/policies/ 下某个文件的文件名（不含 .mdx）"`));
  test('task-bad-status', () => expect(report('task-bad-status')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 1）  状态："完成"  应为以下之一：已完成、正在推进、未完成、长期坚持，或留空"`));
  test('task-status-without-date', () => expect(report('task-status-without-date')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 1）  截至日期：""  填写了状态，就必须填写截至日期（YYYY-MM-DD）"`));
  test('task-number-not-integer', () => expect(report('task-number-not-integer')).toMatchInlineSnapshot(`"content/tasks/test-list.csv 第2行（序号 一）  序号："一"  应为不带单位的非负整数，例如 105"`));
  test('task-bad-file-name', () => expect(report('task-bad-file-name')).toMatchInlineSnapshot(`"content/tasks/测试清单.csv  文件名不符合要求 — 任务清单文件名用小写拼音和连字符，例如 qingshanhu-2023-zhibiao-renwu.csv"`));
  test('progress-parts-do-not-add-up', () => expect(report('progress-parts-do-not-add-up')).toMatchInlineSnapshot(`"content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  总数："93"  分项之和为 92（已完成+正在推进+未完成+长期坚持），与总数 93 不符，请按简报原文核对各项数字"`));
  test('progress-count-with-unit', () => expect(report('progress-count-with-unit')).toMatchInlineSnapshot(`"content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  总数："93项"  应为不带单位的非负整数，例如 105"`));
  test('progress-rate-over-100', () => expect(report('progress-rate-over-100')).toMatchInlineSnapshot(`"content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  公布完成率："134.4"  百分数不能大于 100"`));
  test('progress-unknown-briefing', () => expect(report('progress-unknown-briefing')).toMatchInlineSnapshot(`"content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  来源简报："test-briefing-9"  找不到这一期简报 — 应为 content/briefings/ 下某个文件的文件名（不含 .mdx）"`));
  test('progress-unknown-section', () => expect(report('progress-unknown-section')).toMatchInlineSnapshot(`"content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  来源章节："重要会议"  在简报 test-briefing 中找不到这个章节锚点 — 可用的锚点：lingdaoxiaozu、shixiangqingdan"`));
  test('progress-unknown-tracker', () => expect(report('progress-unknown-tracker')).toMatchInlineSnapshot(`"content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  跟踪事项："fangguanfu"  不是已登记的跟踪事项编号 — 对照 content/tables/trackers.csv 的“编号”列填写"`));
  test('target-duplicate-id', () => expect(report('target-duplicate-id')).toMatchInlineSnapshot(`"content/tables/targets.csv 第3行（编号 qingshanhu-2023-nashui-1）  编号："qingshanhu-2023-nashui-1"  目标编号重复：与第2行相同 — 每一行的编号必须唯一"`));
  test('target-bad-comparator', () => expect(report('target-bad-comparator')).toMatchInlineSnapshot(`"content/tables/targets.csv 第2行（编号 qingshanhu-2023-nashui-1）  比较："以内"  应为以下之一：≥、≤、="`));
  test('target-unknown-section', () => expect(report('target-unknown-section')).toMatchInlineSnapshot(`"content/tables/targets.csv 第2行（编号 qingshanhu-2023-nashui-1）  来源章节："s1-2"  在政策 test-policy 中找不到这个章节锚点 — 可用的锚点：s1、s1-1"`));
  test('ranking-count-mismatch', () => expect(report('ranking-count-mismatch')).toMatchInlineSnapshot(`"content/tables/ranking-tiers.csv 第2行（编号 qingshanhu-2023-07-05-kaoqian）  指标数："3"  列出了 1 个指标，但指标数为 3；两者应一致，或在通报未列名称时把指标列留空"`));
  test('weights-do-not-add-up', () => expect(report('weights-do-not-add-up')).toMatchInlineSnapshot(`"content/tables/evaluation-weights.csv 第2行（编号 nanchang-2023-a）  权重："90"  nanchang 2023 年度各部分权重合计为 90，应为 100 — 按简报原文核对各部分分值占比"`));
  test('region-bad-level', () => expect(report('region-bad-level')).toMatchInlineSnapshot(`
    "content/briefings/test-briefing.mdx:1  地区（region）："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记
    content/policies/test-policy.mdx:1  地区（region）："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记
    content/tables/assignments.csv 第2行  地区："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记
    content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  地区："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记
    content/tables/ranking-tiers.csv 第2行（编号 qingshanhu-2023-07-05-kaoqian）  地区："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记
    content/tables/regions.csv 第4行（编号 qingshanhu）  层级："县"  应为以下之一：省、设区市、县级市、市辖区、管理局
    content/tables/targets.csv 第2行（编号 qingshanhu-2023-nashui-1）  地区："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记
    content/tasks/test-list.csv 第2行（序号 1）  地区："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记
    content/tasks/test-list.csv 第3行（序号 2）  地区："qingshanhu"  不是已登记的地区编号 — 对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记"
  `));
  test('region-id-not-pinyin', () => expect(report('region-id-not-pinyin')).toMatchInlineSnapshot(`"content/tables/regions.csv 第5行（编号 新建区）  编号："新建区"  应为小写拼音或字母、数字和连字符组成的编号，例如 qingshanhu"`));
  test('indicator-alias-conflict', () => expect(report('indicator-alias-conflict')).toMatchInlineSnapshot(`"content/tables/indicators.csv 第3行（编号 nashui）  别名："企业开办与注销"  这个名称已经属于指标 kaiban-qiye — 同一个名称只能对应一个指标"`));
  test('unknown-table', () => expect(report('unknown-table')).toMatchInlineSnapshot(`"content/tables/notes.csv  不认识这个文件 — 数据表放在 content/tables/（regions.csv、indicators.csv、assignments.csv、targets.csv、trackers.csv、progress.csv、ranking-tiers.csv、evaluation-weights.csv、synonyms.csv），任务清单放在 content/tasks/*.csv，政策和简报为 content/policies/*.mdx、content/briefings/*.mdx"`));
  test('policy-impossible-date', () => expect(report('policy-impossible-date')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:7  发布日期（publishedDate）："2023-02-30"  不是真实存在的日期（该月没有这一天）"`));
  test('policy-missing-title', () => expect(report('policy-missing-title')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:1  标题（title）  缺少这一项"`));
  test('policy-unknown-type', () => expect(report('policy-unknown-type')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:8  文种（type）："公告"  应为以下之一：通知、方案、机制、办法、细则、意见、规定、要点"`));
  test('policy-yaml-syntax', () => expect(report('policy-yaml-syntax')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:5  文件信息（frontmatter）写法有误：缩进不正确 — 每行写成“键: 值”，冒号后加一个空格；方括号、引号要成对；含冒号的值用英文引号括起来"`));
  test('policy-unknown-indicator', () => expect(report('policy-unknown-indicator')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:1  涉及指标（indicators）："nashui-shijian"  不是已登记的指标编号 — 对照 content/tables/indicators.csv 的“编号”列填写"`));
  test('policy-unknown-attachment', () => expect(report('policy-unknown-attachment')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:1  附件（attachments）："tasks/test-list-2"  找不到这个数据集 — 可用的数据集：tasks/test-list、tables/regions、tables/indicators、tables/assignments、tables/targets、tables/trackers、tables/progress、tables/ranking-tiers、tables/evaluation-weights、tables/synonyms"`));
  test('policy-no-frontmatter', () => expect(report('policy-no-frontmatter')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:1  缺少文件信息（frontmatter） — 文件第一行应为 ---，接着逐行填写 标题、日期 等信息，再以 --- 结束"`));
  test('briefing-issue-not-a-number', () => expect(report('briefing-issue-not-a-number')).toMatchInlineSnapshot(`"content/briefings/test-briefing.mdx:5  期号（issue）："第1期"  期号应为正整数，例如 3"`));
  test('briefing-chinese-date', () => expect(report('briefing-chinese-date')).toMatchInlineSnapshot(`"content/briefings/test-briefing.mdx:6  日期（date）："2023年8月4日"  是中文写法的日期，这里要求写成 YYYY-MM-DD，例如 2023-06-30"`));
  test('mdx-script-tag', () => expect(report('mdx-script-tag')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:23  "<script"  不允许嵌入脚本、外部页面、样式或表单标签 — 删除该标签；正文只用文字、标题、列表、表格和普通链接"`));
  test('mdx-iframe', () => expect(report('mdx-iframe')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:23  "<iframe"  不允许嵌入脚本、外部页面、样式或表单标签 — 删除该标签；正文只用文字、标题、列表、表格和普通链接"`));
  test('mdx-event-attribute', () => expect(report('mdx-event-attribute')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:23  "<span onClick="  不允许在标签上写 on… 事件属性（会执行脚本） — 删除该属性"`));
  test('mdx-javascript-link', () => expect(report('mdx-javascript-link')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:23  "](javascript:"  不允许 javascript:、vbscript: 或 data: 链接 — 链接只能指向本站页面（以 / 开头）或 https:// 网址"`));
  test('mdx-unclosed-tag', () => expect(report('mdx-unclosed-tag')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:23  MDX 语法错误：标签 <span> 没有闭合 — 正文中的 { } < > 要写成 \\{ \\} &lt; &gt;；标签要成对出现，例如 <table> … </table>"`));
  test('mdx-unclosed-brace', () => expect(report('mdx-unclosed-brace')).toMatchInlineSnapshot(`"content/policies/test-policy.mdx:23  MDX 语法错误：花括号 { 没有闭合 — 正文中的 { } < > 要写成 \\{ \\} &lt; &gt;；标签要成对出现，例如 <table> … </table>"`));
  test('task-utf16-encoding', () => expect(report('task-utf16-encoding')).toMatchInlineSnapshot(`"content/tasks/test-list.csv  文件不是 UTF-8 编码（含无法识别的字符） — 在 WPS/Excel 中另存为“CSV UTF-8（逗号分隔）”"`));
  test('task-renamed-column', () => expect(report('task-renamed-column')).toMatchInlineSnapshot(`
    "content/tasks/test-list.csv 第1行  工作举措  缺少这一列 — 在表头加上“工作举措”列（可以留空的列也必须有表头）
    content/tasks/test-list.csv 第1行  第5列："举措内容"  不是本表的列名 — 本表的列为：序号、任务组序号、地区、指标、指标名称、对标城市、预期目标、创新试点项目、专项行动、牵头区领导、总责任单位、工作任务、工作举措、指标长、牵头单位、配合单位、完成时限、来源政策、状态、截至日期"
  `));
  test('progress-cites-draft-briefing-unknown-section', () => expect(report('progress-cites-draft-briefing-unknown-section')).toMatchInlineSnapshot(`
    "content/tables/evaluation-weights.csv 第2行（编号 nanchang-2023-a）  来源章节："事项清单"  在简报 test-briefing 中找不到这个章节锚点 — 可用的锚点：lingdaoxiaozu、diaoyanducha
    content/tables/evaluation-weights.csv 第3行（编号 nanchang-2023-b）  来源章节："事项清单"  在简报 test-briefing 中找不到这个章节锚点 — 可用的锚点：lingdaoxiaozu、diaoyanducha
    content/tables/progress.csv 第2行（编号 qingshanhu-2023-07-31-duibiao-tisheng）  来源章节："事项清单"  在简报 test-briefing 中找不到这个章节锚点 — 可用的锚点：lingdaoxiaozu、diaoyanducha
    content/tables/ranking-tiers.csv 第2行（编号 qingshanhu-2023-07-05-kaoqian）  来源章节："事项清单"  在简报 test-briefing 中找不到这个章节锚点 — 可用的锚点：lingdaoxiaozu、diaoyanducha"
  `));
  test('briefing-duplicate-issue', () => expect(report('briefing-duplicate-issue')).toMatchInlineSnapshot(`"content/briefings/test-briefing.mdx:1  期号（issue）："1"  与 content/briefings/test-briefing-copy.mdx 的期号重复 — 同一简报系列的期号不能重复"`));
  test('site-settings-placeholder', () => expect(report('site-settings-placeholder')).toMatchInlineSnapshot(`
    "content/site-settings.csv 第2行（主办单位）  内容："待定"  看起来是占位文字，不是真实信息 — 填写真实信息；暂时不知道就留空，页面会显示“未填写”
    content/site-settings.csv 第3行（联系方式）  内容："请来电咨询"  联系方式应含电话号码或电子邮箱 — 例如 0797-1234567 或 yshj@example.gov.cn"
  `));
  test('site-settings-unknown-setting', () => expect(report('site-settings-unknown-setting')).toMatchInlineSnapshot(`"content/site-settings.csv 第3行  设置项："网站名称"  不是本站的设置项 — 可用的设置项：主办单位、联系方式、转载说明"`));
});

test('every broken fixture is exercised above', async () => {
  const source = await import('node:fs').then((fs) => fs.readFileSync(import.meta.filename, 'utf8'));
  for (const name of invalidCases()) expect(source).toContain(`test('${name}'`);
});

test('all problems are reported in one run, not just the first', () => {
  const files = withOverlay('task-impossible-date').map((file) =>
    file.path === 'tables/regions.csv' ? { ...file, text: file.text.replace('市辖区', '县') } : file,
  );
  const issues = validateContent(files).issues;
  expect(issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(['完成时限', '层级']));
});

test('a huge file is read whole and its one bad row is named', () => {
  const header = '序号,地区,指标,指标名称,工作举措,牵头单位,配合单位,完成时限,来源政策,状态,截至日期';
  const rows = Array.from({ length: 60_000 }, (_, i) =>
    `${i + 1},qingshanhu,kaiban-qiye,开办企业,推行企业开办全程网办第${i + 1}项。,区市监局,,${i === 45_000 ? '2023-02-30' : '2023-06-30'},test-policy,,`,
  );
  const files = withOverlay('task-impossible-date').map((file) =>
    file.path === 'tasks/test-list.csv' ? { ...file, text: `${header}\n${rows.join('\n')}\n` } : file,
  );
  expect(validateContent(files, 'content').issues.map(formatIssue)).toEqual([
    'content/tasks/test-list.csv 第45002行（序号 45001）  完成时限："2023-02-30"  不是真实存在的日期（该月没有这一天）',
  ]);
});
