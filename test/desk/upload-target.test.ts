import { expect, test } from 'vitest';
import { uploadTarget } from '../../desk/upload-target.ts';

const choices = {
  regions: [{ id: 'qingshanhu', name: '青山湖区' }],
  policies: [{ id: 'qingshanhu-2023-shishi-fangan', title: '实施方案', region: 'qingshanhu' }],
  taskLists: [{ id: 'qingshanhu-2023-renwu' }],
  tables: [{ id: 'tables/progress', name: '进展（tables/progress.csv）' }],
};

test('a Word file becomes a briefing or policy of the chosen region', () => {
  expect(uploadTarget({ type: 'briefing', region: 'qingshanhu' }, choices, 'docx')).toEqual({
    ok: true,
    target: { into: 'briefings', region: 'qingshanhu' },
  });
  expect(uploadTarget({ type: 'policy', region: 'qingshanhu' }, choices, 'docx')).toEqual({
    ok: true,
    target: { into: 'policies', region: 'qingshanhu' },
  });
});

test('a spreadsheet updates a task list, named or new, with its region and source policy', () => {
  const form = { type: 'tasks', region: 'qingshanhu', policy: 'qingshanhu-2023-shishi-fangan' };
  expect(uploadTarget({ ...form, list: 'qingshanhu-2023-renwu' }, choices, 'xlsx')).toEqual({
    ok: true,
    target: { into: 'tasks/qingshanhu-2023-renwu', region: 'qingshanhu', policy: 'qingshanhu-2023-shishi-fangan' },
  });
  // A new list's number wins over the list chosen in the drop-down.
  const fresh = uploadTarget({ ...form, list: 'qingshanhu-2023-renwu', newList: ' qingshanhu-2024-renwu ' }, choices, 'xlsx');
  expect(fresh.ok && fresh.target.into).toBe('tasks/qingshanhu-2024-renwu');
});

test('every missing or wrong choice is reported at once, saying where on the form to fix it', () => {
  const result = uploadTarget({ type: 'tasks', region: 'nowhere', policy: '', newList: 'Bad List' }, choices, 'docx');
  expect(result.ok).toBe(false);
  const messages = result.ok ? [] : result.messages;
  expect(messages).toHaveLength(4);
  expect(messages.join('\n')).toMatch(/Word 文件只能作为.*文件类型/);
  expect(messages.join('\n')).toMatch(/地区“nowhere”不在地区表中/);
  expect(messages.join('\n')).toMatch(/没有选择来源政策/);
  expect(messages.join('\n')).toMatch(/新清单编号“Bad List”不符合要求/);
});

test('a spreadsheet cannot be a briefing, an unknown table is refused, and a type must be chosen', () => {
  const briefing = uploadTarget({ type: 'briefing', region: 'qingshanhu' }, choices, 'xlsx');
  expect(briefing.ok ? [] : briefing.messages).toEqual([expect.stringContaining('要上传 Word 文件')]);
  expect(uploadTarget({ type: 'table', table: 'tables/secret' }, choices, 'csv').ok).toBe(false);
  expect(uploadTarget({ type: 'table', table: 'tables/progress' }, choices, 'csv')).toEqual({
    ok: true,
    target: { into: 'tables/progress' },
  });
  expect(uploadTarget({}, choices, 'csv')).toEqual({ ok: false, messages: [expect.stringContaining('没有选择文件类型')] });
});
