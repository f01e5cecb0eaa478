import { expect, test } from 'vitest';
import { figureNotes, markFigure } from '../../../src/lib/figures/figure-notes.ts';

const quote = '第三方整改事项进展：……整改举措清单105项，截止7月31日，已完成83项，未完成11项，正在推进11项，完成率89.5%。';
const disagreeing = { id: 'a', total: 105, completed: 83, inProgress: 11, notCompleted: 11, publishedRate: 89.5, quote };
const agreeing = { id: 'b', total: 93, completed: 32, notCompleted: 55, longTerm: 6, publishedRate: 34.4, quote: '完成率34.4%。' };

test('a rate its counts do not give gets a note naming the formula it matches; an agreeing one gets none', () => {
  const notes = figureNotes(
    [disagreeing, agreeing],
    () => undefined,
    (id) => id,
  );
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ rowId: 'a', figure: '89.5%', anchor: 'note-a' });
  expect(notes[0]!.text).toContain('计算为 79.0%');
  expect(notes[0]!.text).toContain('（已完成 + 正在推进）÷ 总数');
});

test('a revised figure is noted both ways', () => {
  const notes = figureNotes(
    [agreeing],
    () => ({ revisedBy: 'c' }),
    () => '《第4期》公布的数字',
  );
  expect(notes[0]!.text).toBe('这组数字后来被《第4期》公布的数字修订，两者均照录，以后者为准。');
  expect(
    figureNotes(
      [agreeing],
      () => ({ revises: 'c' }),
      () => '《第2期》公布的数字',
    )[0]!.text,
  ).toBe('这组数字修订了《第2期》公布的数字。');
});

test('the figure is marked inside its quote, and the document words stay whole', () => {
  const html = `<p>完成率89.5%为目标。</p><p>${quote}</p>`;
  const { html: marked, marked: done } = markFigure(html, quote, '89.5%', { href: '#note-a', label: '注' });
  expect(done).toBe(true);
  expect(marked).toBe(
    `<p>完成率89.5%为目标。</p><p>${quote.replace('89.5%。', '<a class="figure-note-mark" href="#note-a" title="注">89.5%※</a>。')}</p>`,
  );
  expect(marked.replace(/<[^>]+>/g, '').replace('※', '')).toBe(html.replace(/<[^>]+>/g, ''));
});

test('a quote the HTML does not hold as plain text is left alone', () => {
  expect(markFigure('<p>其他</p>', quote, '89.5%', { href: '#x', label: 'x' })).toEqual({ html: '<p>其他</p>', marked: false });
  expect(markFigure('<p>A &amp; B 1%</p>', 'A & B 1%', '1%', { href: '#x', label: 'x' }).marked).toBe(true);
});
