/**
 * The catalogue of every message `npm run check` (and the build) can print
 * about the content: a stable code, the message, the hint printed after “—”,
 * and for the author guide what it means and how to fix it. Checks and
 * schemas take their words from here, and the guide's table of messages
 * (docs/author-guide.md, 错误信息一览) is generated from it and checked
 * against it by test/unit/core/content-messages.test.ts, so neither can drift
 * from what staff see.
 *
 * `{name}` in a message or hint is filled with a value when the problem is
 * reported; the guide shows it as “…”.
 *
 * Why one file: it is one catalogue, read top to bottom by whoever writes a
 * message or the guide; one list keeps every code unique and the guide's
 * tables in its order.
 */

interface CatalogueEntry {
  /** Which table of the guide lists it: CSV tables, MDX documents, or files uploaded to the publishing desk. */
  in: 'table' | 'document' | 'upload';
  message: string;
  hint?: string;
  /** How the guide shows the message, where the printed line puts more before it (e.g. the column). */
  shown?: string;
  /** For the guide: what the message means. */
  meaning: string;
  /** For the guide: how to fix it. */
  fix: string;
}

export const CONTENT_MESSAGES = {
  // reading a CSV file
  'csv-empty-file': {
    in: 'table',
    message: '文件是空的',
    hint: '第1行应为表头：{headers}',
    meaning: '文件没有任何内容',
    fix: '从版本库恢复，或至少写上表头',
  },
  'csv-not-utf8': {
    in: 'table',
    message: '文件不是 UTF-8 编码（含无法识别的字符）',
    hint: '在 WPS/Excel 中另存为“CSV UTF-8（逗号分隔）”',
    meaning: '保存成了 GBK、UTF-16 等编码',
    fix: '在 WPS/Excel 中“另存为 → CSV UTF-8（逗号分隔）”',
  },
  'csv-unclosed-quote': {
    in: 'table',
    message: '引号没有闭合：单元格以英文双引号开头，却没有对应的结束引号',
    meaning: '单元格里的英文双引号不成对',
    fix: '单元格内要出现英文双引号时写两个 `""`；或改用中文引号 “ ”',
  },
  'csv-stray-quote': {
    in: 'table',
    message: '引号使用不规范：单元格内的英文双引号应写成两个连续的双引号 ""',
    meaning: '单元格中间出现了单个英文双引号',
    fix: '写成两个 `""`，或改用中文引号 “ ”',
  },
  'csv-no-delimiter': {
    in: 'table',
    message: '无法识别分隔符：文件应为英文逗号分隔的 CSV',
    meaning: '文件不是逗号分隔的（例如用了制表符或分号）',
    fix: '在 WPS/Excel 中另存为“CSV UTF-8（逗号分隔）”',
  },
  'csv-format': {
    in: 'table',
    message: 'CSV 格式错误（{detail}）',
    meaning: '其他 CSV 格式问题，括号里是读取程序的原话',
    fix: '用 Excel/WPS 打开后重新另存为“CSV UTF-8（逗号分隔）”',
  },
  'csv-unknown-column': {
    in: 'table',
    message: '不是本表的列名',
    hint: '本表的列为：{columns}',
    shown: '第N列："…" 不是本表的列名',
    meaning: '表头有本表没有的列（可能是改了列名）',
    fix: '改回正确的列名，或删除多余的列；信息中列出了本表全部列名',
  },
  'csv-duplicate-column': {
    in: 'table',
    message: '列名重复出现',
    hint: '删除多余的一列',
    meaning: '同一列出现两次',
    fix: '删除多余的一列',
  },
  'csv-missing-column': {
    in: 'table',
    message: '缺少这一列',
    hint: '在表头加上“{header}”列（可以留空的列也必须有表头）',
    meaning: '表头少了一列',
    fix: '加上这一列的表头；内容可以留空的列也必须有表头',
  },
  'csv-cell-count': {
    in: 'table',
    message: '这一行有 {cells} 个单元格，表头有 {columns} 列',
    hint: '检查是否多了或少了逗号；含逗号的单元格要用英文双引号括起来',
    meaning: '这一行多了或少了逗号',
    fix: '含逗号的单元格要用英文双引号括起来（用 Excel/WPS 保存会自动处理）',
  },

  // a cell's value
  required: { in: 'table', message: '不能为空', meaning: '必填的格子空着', fix: '按原文补上' },
  'date-required': {
    in: 'table',
    message: '不能为空，应为 YYYY-MM-DD 格式的日期',
    meaning: '必填的日期空着',
    fix: '按原文填写日期，例如 2023-06-30',
  },
  'date-not-real': {
    in: 'table',
    message: '不是真实存在的日期（该月没有这一天）',
    meaning: '例如 2023-06-31',
    fix: '核对原文，改成真实日期',
  },
  'date-chinese': {
    in: 'table',
    message: '是中文写法的日期，这里要求写成 YYYY-MM-DD，例如 2023-06-30',
    meaning: '例如 2023年6月30日',
    fix: '改成 2023-06-30',
  },
  'date-format': {
    in: 'table',
    message: '不是 YYYY-MM-DD 格式的日期，例如 2023-06-30',
    meaning: '例如 2023/6/30、2023-6-30',
    fix: '改成 2023-06-30（月、日补足两位）',
  },
  'count-required': {
    in: 'table',
    message: '不能为空，应为不带单位的非负整数，例如 105',
    meaning: '必填的数量空着',
    fix: '按原文填写数字',
  },
  'count-format': { in: 'table', message: '应为不带单位的非负整数，例如 105', meaning: '例如填了“93项”', fix: '只填数字：93' },
  'optional-count-format': {
    in: 'table',
    message: '应为不带单位的非负整数，例如 105；没有数据时留空',
    meaning: '例如填了“11项”或“无”',
    fix: '只填数字；原文没有给出时留空，不要填 0',
  },
  'number-required': {
    in: 'table',
    message: '不能为空，应为不带单位的数字，例如 96 或 0.5',
    meaning: '必填的数值空着',
    fix: '按原文填写数字',
  },
  'number-format': {
    in: 'table',
    message: '应为不带单位的数字，例如 96 或 0.5',
    meaning: '例如填了“0.5个工作日”“96%”',
    fix: '只填数字：0.5、96；单位填在“单位”列',
  },
  'percent-format': {
    in: 'table',
    message: '应为不带 % 号的百分数，例如 89.5；没有数据时留空',
    meaning: '例如填了“89.5%”',
    fix: '只填数字：89.5',
  },
  'percent-over-100': { in: 'table', message: '百分数不能大于 100', meaning: '完成率等填错', fix: '核对原文' },
  choice: {
    in: 'table',
    message: '应为以下之一：{choices}',
    meaning: '这一列只能填几个固定的词（如层级、档次、比较）',
    fix: '按信息列出的词填写',
  },
  'optional-choice': {
    in: 'table',
    message: '应为以下之一：{choices}，或留空',
    meaning: '这一列只能填几个固定的词或留空（如状态：已完成、正在推进、未完成、长期坚持）',
    fix: '按信息列出的词填写，或留空',
  },
  'id-format': {
    in: 'table',
    message: '应为小写拼音或字母、数字和连字符组成的编号，例如 {example}',
    meaning: '编号填了中文、大写或空格',
    fix: '填拼音编号，例如 qingshanhu',
  },
  'terms-required': {
    in: 'table',
    message: '不能为空，至少写一个文件用语，多个用英文分号 ; 分隔',
    meaning: '同义词表里“文件用语”空着',
    fix: '写文件里对应的用语，例如 获得电力;办电率',
  },
  'synonym-term-too-short': {
    in: 'table',
    message: '只有一个字：站内搜索按词查找，一个字的常用说法不会被用上',
    meaning: '同义词表里“常用说法”只写了一个字',
    fix: '写读者会输入的完整说法（两个字以上），例如 报关、开公司',
  },
  'id-list-format': {
    in: 'table',
    message: '编号之间用英文分号 ; 分隔，每个编号为小写拼音',
    meaning: '一个格子里填多个编号时的格式',
    fix: '写成 `zhengwu-fuwu;zhixing-hetong`',
  },
  'status-without-date': {
    in: 'table',
    message: '填写了状态，就必须填写截至日期（YYYY-MM-DD）',
    meaning: '任务状态和截至日期要成对填写',
    fix: '两项都填，或都留空',
  },
  'date-without-status': {
    in: 'table',
    message: '填写了截至日期，就必须填写状态',
    meaning: '任务状态和截至日期要成对填写',
    fix: '两项都填，或都留空',
  },
  'parts-do-not-add-up': {
    in: 'table',
    message: '分项之和为 {sum}（已完成+正在推进+未完成+长期坚持），与总数 {total} 不符，请按简报原文核对各项数字',
    meaning: '进展数字的分项加起来不等于总数',
    fix: '按简报原文逐项核对；简报没给的分项留空',
  },
  'ranking-count-mismatch': {
    in: 'table',
    message: '列出了 {listed} 个指标，但指标数为 {count}；两者应一致，或在通报未列名称时把指标列留空',
    meaning: '排名档次表中指标个数与所列指标不一致',
    fix: '核对原文；原文没有列出指标名称时，指标列留空',
  },

  // across rows and files
  'duplicate-id': {
    in: 'table',
    message: '{what}重复：与第{row}行相同',
    hint: '每一行的编号必须唯一',
    meaning: '编号（或序号）在表里出现了两次',
    fix: '改成不重复的编号',
  },
  'unknown-region': {
    in: 'table',
    message: '不是已登记的地区编号',
    hint: '对照 content/tables/regions.csv 的“编号”列填写；新地区先在其中登记',
    meaning: '地区编号写错，或新地区还没登记',
    fix: '对照 `regions.csv`，或先在其中登记新地区',
  },
  'unknown-indicator': {
    in: 'table',
    message: '不是已登记的指标编号',
    hint: '对照 content/tables/indicators.csv 的“编号”列填写',
    meaning: '指标编号写错',
    fix: '对照 `indicators.csv` 的“编号”列',
  },
  'unknown-tracker': {
    in: 'table',
    message: '不是已登记的跟踪事项编号',
    hint: '对照 content/tables/trackers.csv 的“编号”列填写',
    meaning: '跟踪事项编号写错',
    fix: '对照 `trackers.csv`',
  },
  'unknown-policy': {
    in: 'table',
    message: '找不到这份政策',
    hint: '应为 content/policies/ 下某个文件的文件名（不含 .mdx）',
    meaning: '来源政策写错',
    fix: '填 `content/policies/` 下的文件名（不含 .mdx）',
  },
  'unknown-briefing': {
    in: 'table',
    message: '找不到这一期简报',
    hint: '应为 content/briefings/ 下某个文件的文件名（不含 .mdx）',
    meaning: '来源简报写错',
    fix: '填 `content/briefings/` 下的文件名（不含 .mdx）',
  },
  'unknown-policy-section': {
    in: 'table',
    message: '在政策 {policy} 中找不到这个章节锚点',
    hint: '可用的锚点：{anchors}',
    meaning: '来源章节写错，或标题改动后编号变了',
    fix: '信息中列出了可用的锚点，从中选择',
  },
  'unknown-briefing-section': {
    in: 'table',
    message: '在简报 {briefing} 中找不到这个章节锚点',
    hint: '可用的锚点：{anchors}',
    meaning: '来源章节写错，或标题改动后栏目名变了',
    fix: '信息中列出了可用的锚点，从中选择',
  },
  'alias-taken': {
    in: 'table',
    message: '这个名称已经属于指标 {owner}',
    hint: '同一个名称只能对应一个指标',
    meaning: '指标别名与别的指标重复',
    fix: '一个名称只能对应一个指标',
  },
  'weights-do-not-add-up': {
    in: 'table',
    message: '{key} 年度各部分权重合计为 {total}，应为 100',
    hint: '按简报原文核对各部分分值占比',
    meaning: '考核权重加起来不是 100',
    fix: '核对原文',
  },
  'missing-required-table': {
    in: 'table',
    message: '缺少这个必需的数据文件',
    hint: '从版本库恢复该文件',
    meaning: '`regions.csv` 或 `indicators.csv` 被删了',
    fix: '从版本库恢复',
  },
  'unknown-file': {
    in: 'table',
    message: '不认识这个文件',
    hint: '数据表放在 {root}/tables/（{tables}），任务清单放在 {root}/tasks/*.csv，政策和简报为 {root}/policies/*.mdx、{root}/briefings/*.mdx',
    meaning: '`content/` 中放了系统不认识的文件',
    fix: '按信息提示放到正确的文件夹，或删除',
  },
  'bad-task-file-name': {
    in: 'table',
    message: '文件名不符合要求',
    hint: '任务清单文件名用小写拼音和连字符，例如 qingshanhu-2023-zhibiao-renwu.csv',
    meaning: '任务清单的文件名含中文、大写或空格',
    fix: '改成小写拼音加连字符，例如 `qingshanhu-2024-zhibiao-renwu.csv`',
  },

  // documents
  'bad-document-file-name': {
    in: 'document',
    message: '文件名不符合要求',
    hint: '文件名用小写拼音、数字和连字符，例如 longnan-jianbao-2023-04.mdx',
    meaning: '政策或简报的文件名含中文、大写或空格',
    fix: '改成小写拼音加连字符，例如 `longnan-jianbao-2023-04.mdx`',
  },
  'missing-frontmatter': {
    in: 'document',
    message: '缺少文件信息（frontmatter）',
    hint: '文件第一行应为 ---，接着逐行填写 标题、日期 等信息，再以 --- 结束',
    meaning: '文件开头没有 `---` 包起来的文件信息',
    fix: '参照 `npm run new` 生成的文件补上',
  },
  'frontmatter-syntax': {
    in: 'document',
    message: '文件信息（frontmatter）写法有误：{problem}',
    hint: '每行写成“键: 值”，冒号后加一个空格；方括号、引号要成对；含冒号的值用英文引号括起来',
    meaning: '文件信息格式不对（缩进、括号或引号不成对、同一项写了两次等）',
    fix: '每行写成“键: 值”，冒号后加一个空格；含冒号的值用英文引号括起来',
  },
  'frontmatter-not-mapping': {
    in: 'document',
    message: '文件信息应逐行写成“键: 值”',
    meaning: '两行 `---` 之间不是“键: 值”的写法',
    fix: '参照 `npm run new` 生成的文件改写',
  },
  'missing-field': {
    in: 'document',
    message: '缺少这一项',
    shown: '标题（title）… 缺少这一项',
    meaning: '必填的文件信息没填',
    fix: '补上',
  },
  'policy-title-type': { in: 'document', message: '应填写文件标题', meaning: '标题（title）不是一段文字', fix: '写成 `title: 文件标题`' },
  'policy-title-empty': { in: 'document', message: '文件标题不能为空', meaning: '标题（title）空着', fix: '按原文填写标题' },
  'doc-number-empty': {
    in: 'document',
    message: '文号不能为空',
    meaning: '写了 docNumber 却没有填内容',
    fix: '按原文填写文号；原文没有文号时删除这一行',
  },
  'policy-issuer-list': {
    in: 'document',
    message: '应为发文机关列表，例如 [青山湖区人民政府办公室]',
    meaning: '发文机关（issuer）没有写成列表',
    fix: '写成 `issuer: [机关一, 机关二]`',
  },
  'policy-issuer-empty': {
    in: 'document',
    message: '至少填写一个发文机关',
    meaning: '发文机关列表是空的，或其中一项空着',
    fix: '按原文填写发文机关',
  },
  'policy-year': {
    in: 'document',
    message: '年度应为 1949 到 2100 之间的整数年份，例如 2023',
    meaning: '年度（year）写错',
    fix: '只写四位数字，例如 `year: 2023`',
  },
  'policy-undated': {
    in: 'document',
    message: '原文没有日期时，至少填写年度（year），例如 year: 2023',
    meaning: '成文日期、发布日期都没有',
    fix: '填 `year: 2023`',
  },
  'policy-indicator-list': {
    in: 'document',
    message: '应为指标编号列表，例如 [kaiban-qiye, nashui]',
    meaning: '涉及指标（indicators）没有写成列表',
    fix: '写成 `indicators: [kaiban-qiye, nashui]`',
  },
  'policy-source-type': { in: 'document', message: '应写明文本来源', meaning: '来源（source）不是一段文字', fix: '写明文本从哪里取得' },
  'policy-source-empty': { in: 'document', message: '文本来源不能为空', meaning: '来源（source）空着', fix: '写明文本从哪里取得' },
  'attachment-list': {
    in: 'document',
    message: '应为附件列表，每项写成 { title: 附件标题, dataset: tasks/清单编号 }',
    meaning: '附件（attachments）的写法不对',
    fix: '参照信息中的写法，每个附件一行，以 `- ` 开头',
  },
  'attachment-title-empty': {
    in: 'document',
    message: '附件标题不能为空',
    meaning: '附件没有写标题',
    fix: '按原文填写附件标题，例如 附件1：任务清单',
  },
  'attachment-dataset-format': {
    in: 'document',
    message: '应为数据集路径，例如 tasks/qingshanhu-2023-zhibiao-renwu',
    meaning: '附件登记的数据集写法不对',
    fix: '写成 `tasks/清单文件名` 或 `tables/表名`（不含 .csv）',
  },
  'unknown-attachment': {
    in: 'document',
    message: '找不到这个数据集',
    hint: '可用的数据集：{datasets}',
    meaning: '附件登记的数据集不存在',
    fix: '信息中列出了可用的数据集',
  },
  'draft-flag': {
    in: 'document',
    message: '应为 true 或 false（草稿写 draft: true，发布时删除这一行）',
    meaning: '草稿（draft）写成了别的内容',
    fix: '写 `draft: true`，或删除这一行',
  },
  'briefing-title-type': {
    in: 'document',
    message: '应填写简报标题',
    meaning: '标题（title）不是一段文字',
    fix: '写成 `title: 简报标题 第N期`',
  },
  'briefing-title-empty': { in: 'document', message: '简报标题不能为空', meaning: '标题（title）空着', fix: '按简报原文填写标题' },
  'briefing-series-type': {
    in: 'document',
    message: '应填写简报名称（系列）',
    meaning: '简报名称（series）不是一段文字',
    fix: '填写简报名称，例如 龙南营商环境“一号改革工程”工作简报',
  },
  'briefing-series-empty': { in: 'document', message: '简报名称（系列）不能为空', meaning: '简报名称（series）空着', fix: '填写简报名称' },
  'briefing-issue': { in: 'document', message: '期号应为正整数，例如 3', meaning: '期号写成了“第3期”等', fix: '只写数字 3' },
  'briefing-issuer-type': {
    in: 'document',
    message: '应填写编印单位',
    meaning: '编印单位（issuer）不是一段文字',
    fix: '按简报落款填写编印单位',
  },
  'briefing-issuer-empty': {
    in: 'document',
    message: '编印单位不能为空',
    meaning: '编印单位（issuer）空着',
    fix: '按简报落款填写编印单位',
  },
  'briefing-recipients-empty': {
    in: 'document',
    message: '报送、抄送对象不能为空',
    meaning: '写了 submittedTo 或 copiedTo 却没有填内容',
    fix: '按简报原文填写；原文没有时删除这一行',
  },
  'duplicate-issue': {
    in: 'document',
    message: '与 {other} 的期号重复',
    hint: '同一简报系列的期号不能重复',
    meaning: '同一简报系列有两期期号相同',
    fix: '核对期号',
  },
  'mdx-syntax': {
    in: 'document',
    message: 'MDX 语法错误：{problem}',
    hint: '正文中的 { } < > 要写成 \\{ \\} &lt; &gt;；标签要成对出现，例如 <table> … </table>',
    meaning: '正文里有不成对的尖括号、花括号或标签（…处写明是哪一种，如“标签 `<table>` 没有闭合”“花括号 `{` 没有闭合”）',
    fix: '正文中的 `{ } < >` 写成 `\\{ \\} &lt; &gt;`；表格等标签要成对出现',
  },
  'mdx-unsafe-tag': {
    in: 'document',
    message: '不允许嵌入脚本、外部页面、样式或表单标签',
    hint: '删除该标签；正文只用文字、标题、列表、表格和普通链接',
    meaning: '正文里有 `<script>`、`<iframe>` 等',
    fix: '删除；正文只用文字、标题、列表、表格和普通链接',
  },
  'mdx-event-attribute': {
    in: 'document',
    message: '不允许在标签上写 on… 事件属性（会执行脚本）',
    hint: '删除该属性',
    meaning: '正文标签里有 `onclick=` 之类',
    fix: '删除该属性',
  },
  'mdx-unsafe-link': {
    in: 'document',
    message: '不允许 javascript:、vbscript: 或 data: 链接',
    hint: '链接只能指向本站页面（以 / 开头）或 https:// 网址',
    meaning: '链接地址不安全',
    fix: '链接只能指向本站页面（以 / 开头）或 https:// 网址',
  },
  // content/site-settings.csv (关于本站)
  'site-settings-header': {
    in: 'table',
    message: '表头应为“设置项,内容”',
    hint: '第一行写“设置项,内容”，以下每行一项设置',
    meaning: 'content/site-settings.csv 的表头不对',
    fix: '第一行改为“设置项,内容”',
  },
  'site-settings-unknown': {
    in: 'table',
    message: '不是本站的设置项',
    hint: '可用的设置项：{names}',
    meaning: 'content/site-settings.csv 里有不认识的设置项',
    fix: '只写主办单位、联系方式、转载说明三项',
  },
  'site-settings-duplicate': {
    in: 'table',
    message: '重复填写',
    hint: '每个设置项只写一行',
    meaning: '同一设置项写了两行',
    fix: '删去多余的一行',
  },
  'site-settings-placeholder': {
    in: 'table',
    message: '看起来是占位文字，不是真实信息',
    hint: '填写真实信息；暂时不知道就留空，页面会显示“未填写”',
    meaning: '填了“待定”“XXX”之类的占位文字',
    fix: '填写真实信息，或留空',
  },
  'site-settings-contact': {
    in: 'table',
    message: '联系方式应含电话号码或电子邮箱',
    hint: '例如 0797-1234567 或 yshj@example.gov.cn',
    meaning: '联系方式里没有电话号码或邮箱',
    fix: '写上电话号码或电子邮箱',
  },

  // a file uploaded to the publishing desk ({file}: its name as uploaded)
  'upload-empty': {
    in: 'upload',
    message: '{file} 是空文件（0 字节），没有可导入的内容',
    hint: '请确认文件已保存完整，重新选择文件上传',
    meaning: '上传的文件没有任何内容',
    fix: '在 Word/Excel/WPS 中打开原稿，保存后重新上传',
  },
  'upload-too-large': {
    in: 'upload',
    message: '{file} 有 {size}，超过了上传上限 20 MB',
    hint: 'Word 文件可先压缩图片（“文件 → 压缩图片”或“图片工具 → 压缩图片”）后另存；表格可删去无关的工作表后另存',
    meaning: '上传的文件超过 20 MB',
    fix: '压缩文件中的图片，或删去无关的工作表，另存后重新上传',
  },
  'upload-program': {
    in: 'upload',
    message: '{file} 是程序文件（{what}），不是文档或表格，不能上传',
    hint: '只能上传 Word 文档（.docx）、Excel 表格（.xlsx）或 CSV 文件；请确认选对了文件',
    meaning: '上传的是可执行程序（即使文件名改成了 .docx 或 .xlsx）',
    fix: '选择真正的 Word 文档或 Excel 表格上传',
  },
  'upload-pdf': {
    in: 'upload',
    message: '{file} 是 PDF 文件，无法可靠地还原标题、段落和表格',
    hint: '请上传这份文件的 Word/WPS 原稿（.docx）；只有 PDF 时，可用 WPS 打开后选择“转换为 Word”，核对无误后另存为 .docx 再上传',
    meaning: '上传的是 PDF',
    fix: '上传 Word 原稿；或用 WPS 转换为 Word 并核对后上传',
  },
  'upload-old-office': {
    in: 'upload',
    message: '{file} 是旧版 Word/Excel/WPS 格式（.doc、.xls 或 .wps），无法直接导入',
    hint: '用 Word、Excel 或 WPS 打开后选择“文件 → 另存为”：文档保存为“Word 文档 (*.docx)”，表格保存为“Excel 工作簿 (*.xlsx)”，然后上传新保存的文件',
    meaning: '上传的是 .doc、.xls 或 .wps 旧格式文件',
    fix: '另存为 .docx 或 .xlsx 后上传',
  },
  'upload-encrypted': {
    in: 'upload',
    message: '{file} 设置了打开密码（文件已加密），无法读取',
    hint: '在 Word/Excel 中“文件 → 信息 → 保护文档（工作簿）→ 用密码进行加密”，或在 WPS 中“文件 → 文档加密 → 密码加密”，清空密码后保存，再重新上传',
    meaning: '文件设置了打开密码',
    fix: '清除打开密码后保存，再上传',
  },
  'upload-corrupt': {
    in: 'upload',
    message: '{file} 已损坏或不完整，无法读取',
    hint: '用 Word、Excel 或 WPS 打开这份文件，另存为新的 .docx 或 .xlsx 后重新上传；打不开时请向原单位重新索取',
    meaning: '文件没有传完整、下载中断或已损坏',
    fix: '用原软件打开并另存后重新上传，或重新索取文件',
  },
  'upload-zip-bomb': {
    in: 'upload',
    message: '{file} 解压后将有 {size}（是文件本身的 {ratio} 倍），远超正常文档，为安全起见不予读取',
    hint: '正常的 Word/Excel 文件不会这样；请确认文件来源，用 Word、Excel 或 WPS 打开后另存，再上传新保存的文件',
    meaning: '文件是“压缩炸弹”，或内容异常庞大',
    fix: '确认文件来源；用原软件打开后另存再上传',
  },
  'upload-other-zip': {
    in: 'upload',
    message: '{file} 是压缩包或其他 Office 文件，不是 Word 文档或 Excel 表格',
    hint: '只能上传 Word 文档（.docx）、Excel 表格（.xlsx）或 CSV 文件；压缩包请先解压，幻灯片等请另存为 Word 文档',
    meaning: '上传的是 .zip、.pptx 等',
    fix: '解压后上传其中的 .docx 或 .xlsx',
  },
  'upload-unknown-type': {
    in: 'upload',
    message: '{file} 不是能导入的文件（不是 Word 文档、Excel 表格或 CSV 文本）',
    hint: '只能上传 Word 文档（.docx）、Excel 表格（.xlsx）或 CSV 文件；图片、音视频等不能导入',
    meaning: '上传的是图片或其他不能导入的文件',
    fix: '上传 .docx、.xlsx 或 .csv 文件',
  },
  'upload-text-not-table': {
    in: 'upload',
    message: '{file} 是文本文件，但不是用逗号分隔的表格（CSV）',
    hint: '在 WPS/Excel 中打开表格，另存为“CSV UTF-8（逗号分隔）”或“Excel 工作簿 (*.xlsx)”后上传',
    meaning: '上传的文本文件里找不到表格的分隔符',
    fix: '从表格软件另存为 CSV 或 .xlsx 后上传',
  },
  // importing an upload (the desk and npm run import)
  'import-region-missing': {
    in: 'upload',
    message: '没有选择地区：{what}',
    hint: '在发布台上传时，在“地区”下拉框中选择；用命令行导入时加 --region <地区编号>。可选的地区：{regions}',
    meaning: '上传时没有选地区，表格里也没有“地区”列',
    fix: '在“地区”下拉框中选择（命令行：--region）',
  },
  'import-policy-missing': {
    in: 'upload',
    message: '没有选择来源政策：任务清单的每一行都要注明出自哪份政策，表格中也没有“来源政策”列',
    hint: '在发布台上传时，在“来源政策”下拉框中选择；用命令行导入时加 --policy <政策编号>。可选的政策：{policies}',
    meaning: '上传任务清单时没有选来源政策，表格里也没有“来源政策”列',
    fix: '在“来源政策”下拉框中选择（命令行：--policy）',
  },
  'import-unknown-region': {
    in: 'upload',
    message: '没有编号为“{region}”的地区',
    hint: '可用的编号：{regions}',
    meaning: '选择或填写的地区编号不存在',
    fix: '从列出的编号中选择；新地区先在 regions.csv 中登记',
  },
  'import-word-target': {
    in: 'upload',
    message: '{file} 是 Word 文档，只能导入为简报或政策文件',
    hint: '上传时选择“简报”或“政策文件”；表格请另存为 .xlsx 或 .csv 后上传',
    meaning: 'Word 文档被选作导入任务清单或数据表',
    fix: '选择“简报”或“政策文件”',
  },
  'import-unknown-dataset': {
    in: 'upload',
    message: '不认识数据集“{dataset}”',
    hint: '数据集例如 tasks/qingshanhu-2024-zhibiao-renwu（任务清单）或 tables/targets（量化目标）',
    meaning: '导入表格时指定的数据集不存在',
    fix: '任务清单写 tasks/清单编号，数据表写 tables/表名',
  },
  'import-duplicate-issue': {
    in: 'upload',
    message: '{series} 第{issue}期已经存在（{file}），没有导入',
    hint: '请核对 Word 报头中“第N期”一行（本系列已有的最新一期是第{latest}期），改正后重新上传；确实要替换已发布的那一期时，请联系网站维护人员',
    meaning: '上传的简报与已有的一期期号相同',
    fix: '核对报头中的期号，改正后重新上传',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type MessageCode = keyof typeof CONTENT_MESSAGES;

type Values = Readonly<Record<string, string | number>>;

/** The `{name}` placeholders of a message text, as a union of names (`{a} 和 {b}` → 'a' | 'b'); `{ }` and `\{` are not names. */
type PlaceholdersIn<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends '' | `${string}${' ' | '{' | '\\' | '<'}${string}` ? never : Name) | PlaceholdersIn<Rest>
  : never;
type EntryOf<C extends MessageCode> = (typeof CONTENT_MESSAGES)[C];
type TextsOf<C extends MessageCode> = C extends MessageCode
  ? EntryOf<C>['message'] | (EntryOf<C> extends { hint: infer Hint extends string } ? Hint : never)
  : never;

/** The placeholder names a message and its hint use: a value for a misspelt or missing name fails the type check. */
export type MessagePlaceholders<C extends MessageCode> = PlaceholdersIn<TextsOf<C>>;
/** The codes of messages printed as they are, without values. */
export type PlainMessageCode = { [C in MessageCode]: [MessagePlaceholders<C>] extends [never] ? C : never }[MessageCode];
/** The values a message needs, one per placeholder; none for a message without placeholders. */
export type MessageValues<C extends MessageCode> = [MessagePlaceholders<C>] extends [never]
  ? [values?: Readonly<Record<string, never>>]
  : [values: Readonly<Record<MessagePlaceholders<C>, string | number>>];

function fill(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A message with its hint, values filled in: spread it into a ContentIssue. */
export function contentMessage<C extends MessageCode>(code: C, ...[values = {}]: MessageValues<C>): { message: string; hint?: string } {
  const entry: CatalogueEntry = CONTENT_MESSAGES[code];
  return entry.hint === undefined
    ? { message: fill(entry.message, values) }
    : { message: fill(entry.message, values), hint: fill(entry.hint, values) };
}

/** The message and its hint as one sentence each, for a message shown on its own (the desk, the import). */
export function messageSentences(code: MessageCode, values: Values = {}): string {
  const { message, hint } = contentMessage(code, values);
  return hint === undefined ? `${message}。` : `${message}。${hint}。`;
}

/** Just the message, for a schema's error text. */
export function messageText<C extends MessageCode>(code: C, ...values: MessageValues<C>): string {
  return contentMessage(code, ...values).message;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const templatePattern = (template: string) =>
  new RegExp(
    `^${template
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join('[\\s\\S]+')}$`,
  );
const patterns = Object.entries(CONTENT_MESSAGES).map(([code, entry]) => ({
  code: code as MessageCode,
  message: templatePattern(entry.message),
  hint: 'hint' in entry ? templatePattern(entry.hint) : undefined,
}));

/** The codes whose message (and hint, if given) a printed problem matches. */
export function messageCodesOf(message: string, hint?: string): MessageCode[] {
  return patterns
    .filter((p) => p.message.test(message) && (hint === undefined ? p.hint === undefined : p.hint?.test(hint)))
    .map((p) => p.code);
}

/** The author guide's tables of messages (Markdown), in catalogue order. */
export function authorGuideMessageTables(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\{\w+\}/g, '…');
  const table = (group: CatalogueEntry['in'], title: string) => [
    `### ${title}`,
    '',
    '| 信息 | 意思 | 怎么改 |',
    '| --- | --- | --- |',
    ...Object.values(CONTENT_MESSAGES as Record<string, CatalogueEntry>)
      .filter((entry) => entry.in === group)
      .map((entry) => `| ${cell(entry.shown ?? entry.message)} | ${cell(entry.meaning)} | ${cell(entry.fix)} |`),
  ];
  return [
    ...table('table', '表格文件（CSV）'),
    '',
    ...table('document', '政策和简报文件（MDX）'),
    '',
    ...table('upload', '上传到发布台的文件'),
  ].join('\n');
}
