/**
 * `npm run new -- briefing <region-id>` / `npm run new -- policy <region-id>`:
 * writes a new draft content file and prints its path.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, contentRoot } from '../src/loaders/content-files.ts';
import { newPolicy, nextBriefing } from './authoring/scaffold.ts';

const usage = '用法：npm run new -- briefing <地区编号>  或  npm run new -- policy <地区编号>（地区编号见 content/tables/regions.csv）';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function positionalArguments(): string[] {
  try {
    return parseArgs({ allowPositionals: true, options: {} }).positionals;
  } catch {
    return fail(usage);
  }
}
const [kind, region] = positionalArguments();

if ((kind !== 'briefing' && kind !== 'policy') || !region) fail(usage);
const { model } = checkContent();
const regionRow = model.regions.find((r) => r.data.id === region);
if (!regionRow) fail(`没有编号为“${region}”的地区。可用的编号：${model.regions.map((r) => r.data.id).join('、')}`);

// Today in China, whatever the machine's time zone.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
const file =
  kind === 'briefing'
    ? nextBriefing({
        region,
        regionName: regionRow.data.name,
        today,
        briefings: model.briefings.map((b) => ({ id: b.id, ...b.data })),
      })
    : newPolicy({ region, today, existingIds: model.policies.map((p) => p.id) });

const path = join(contentRoot(), file.path);
if (existsSync(path)) fail(`${relative(process.cwd(), path)} 已经存在，没有覆盖。`);
writeFileSync(path, file.text);
console.log(`已新建草稿：${relative(process.cwd(), path)}`);
console.log('写完后删除文件信息中的 draft: true 一行，运行 npm run check 检查，再用 npm run dev 预览。');
