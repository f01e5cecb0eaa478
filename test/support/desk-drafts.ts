/** A briefing draft as the desk stores it right after an upload, for tests of the draft store and the desk's routes. */
import type { Draft } from '../../desk/draft-store.ts';

export function briefingDraft(id: string, mdxText = '---\ntitle: x\n---\n'): Omit<Draft, 'version' | 'created' | 'updated'> {
  return {
    id,
    kind: 'briefing',
    contentId: id,
    title: '龙南工作简报第4期',
    target: { into: 'briefings', region: 'longnan' },
    changes: [{ kind: 'file', path: `briefings/${id}.mdx`, text: mdxText }],
    review: { recognised: [], toCheck: [] },
    unplaced: [],
    figures: {},
    state: 'draft',
    editor: 'zhangsan',
    editors: ['zhangsan'],
    comments: [],
  };
}
