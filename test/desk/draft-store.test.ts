import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DraftStore } from '../../desk/draft-store.ts';
import { briefingDraft as newDraft } from '../support/desk-drafts.ts';
import { temporaryFolder } from '../support/temporary-folder.ts';

const store = () => new DraftStore(temporaryFolder('desk-drafts-'));

describe('draft store', () => {
  test('a draft is written as one JSON file with its upload beside it, and read back', () => {
    const drafts = store();
    drafts.create(newDraft('longnan-jianbao-2023-04'), new Uint8Array([80, 75, 3, 4]));
    expect(readdirSync(drafts.dir).sort()).toEqual(['longnan-jianbao-2023-04.json', 'longnan-jianbao-2023-04.upload']);
    expect(drafts.get('longnan-jianbao-2023-04')).toMatchObject({ version: 1, state: 'draft', title: '龙南工作简报第4期' });
    expect([...drafts.uploadBytes('longnan-jianbao-2023-04')!]).toEqual([80, 75, 3, 4]);
    expect(drafts.list().map((d) => d.id)).toEqual(['longnan-jianbao-2023-04']);
    expect(drafts.freeId('longnan-jianbao-2023-04')).toBe('longnan-jianbao-2023-04-2');
  });

  test('ids outside the one id pattern never reach the file system', () => {
    const drafts = store();
    expect(drafts.get('../accounts')).toBeUndefined();
    expect(() => drafts.create(newDraft('../../etc/passwd'))).toThrow();
    expect(drafts.freeId('../x')).toBe('gaojian');
  });

  test('a save against the version the form was loaded with succeeds; a second save of the same version is refused as stale', async () => {
    const drafts = store();
    drafts.create(newDraft('d1'));
    const [first, second] = await Promise.all([
      drafts.update('d1', 1, (d) => ({ ...d, title: '张三改的标题' })),
      drafts.update('d1', 1, (d) => ({ ...d, title: '李四改的标题' })),
    ]);
    expect(first).toMatchObject({ ok: true, draft: { version: 2, title: '张三改的标题' } });
    expect(second).toMatchObject({ ok: false, reason: 'stale', current: { version: 2, title: '张三改的标题' } });
    expect(drafts.get('d1')?.title).toBe('张三改的标题');
  });

  test('a change that throws writes nothing; temporary files never stay behind', async () => {
    const drafts = store();
    drafts.create(newDraft('d2'));
    await expect(
      drafts.update('d2', 1, () => {
        throw new Error('bad');
      }),
    ).rejects.toThrow('bad');
    expect(drafts.get('d2')?.version).toBe(1);
    expect(await drafts.update('d2', 1, (d) => d)).toMatchObject({ ok: true });
    expect(readdirSync(drafts.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await drafts.update('nope', 1, (d) => d)).toEqual({ ok: false, reason: 'missing' });
  });
});
