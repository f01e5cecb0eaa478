/**
 * Where an upload goes, from the choices on the workbench's upload form: the
 * import target, or every choice that is missing or does not fit the file, in
 * words that say where on the form to fix it.
 */
import { ID_PATTERN } from '../src/schemas/fields.ts';
import type { UploadTarget } from '../scripts/authoring/import-upload.ts';
import type { UploadChoices, UploadForm } from './views/workbench-page.ts';

/** The import target from the upload form, or what is missing and where to choose it. */
export function uploadTarget(
  form: UploadForm,
  choices: UploadChoices,
  kind: string,
): { ok: true; target: UploadTarget } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const region = form.region ?? '';
  const needRegion = () => {
    if (region === '') messages.push('没有选择地区：请在上传区的“地区”下拉框中选择。');
    else if (!choices.regions.some((r) => r.id === region)) messages.push(`地区“${region}”不在地区表中：请在“地区”下拉框中选择。`);
  };
  const word = kind === 'docx';
  if (form.type === 'briefing' || form.type === 'policy') {
    if (!word)
      messages.push(
        `${form.type === 'briefing' ? '工作简报' : '政策文件'}要上传 Word 文件（.docx），这个文件是表格。请改选“任务清单”或“数据表格”，或换成 Word 文件。`,
      );
    needRegion();
    return messages.length
      ? { ok: false, messages }
      : { ok: true, target: { into: form.type === 'briefing' ? 'briefings' : 'policies', region } };
  }
  if (word) messages.push('Word 文件只能作为“工作简报”或“政策文件”上传：请在“文件类型”中改选。');
  if (form.type === 'tasks') {
    needRegion();
    const policy = form.policy ?? '';
    if (policy === '') messages.push('没有选择来源政策：请在上传区的“来源政策”下拉框中选择这份任务清单出自哪份政策文件。');
    else if (!choices.policies.some((p) => p.id === policy)) messages.push(`来源政策“${policy}”不存在：请在“来源政策”下拉框中选择。`);
    const list = (form.newList ?? '').trim() || (form.list ?? '');
    if (list === '') messages.push('没有指定任务清单：请在“任务清单”下拉框中选择要更新的清单，或在“新清单编号”中填写编号。');
    else if (!ID_PATTERN.test(list))
      messages.push(`新清单编号“${list}”不符合要求：只能用小写拼音字母和数字，词之间用一个连字符，例如 qingshanhu-2024-zhibiao-renwu。`);
    return messages.length ? { ok: false, messages } : { ok: true, target: { into: `tasks/${list}`, region, policy } };
  }
  if (form.type === 'table') {
    const table = form.table ?? '';
    if (!choices.tables.some((t) => t.id === table)) messages.push('没有选择数据表格：请在上传区的“数据表格”下拉框中选择要更新哪一张表。');
    return messages.length
      ? { ok: false, messages }
      : { ok: true, target: { into: table, ...(region ? { region } : {}), ...(form.policy ? { policy: form.policy } : {}) } };
  }
  return { ok: false, messages: ['没有选择文件类型：请在“文件类型”中选择工作简报、政策文件、任务清单或数据表格。'] };
}
