/** 工作台: drafts by state, and the upload form. */
import { STATE_LABELS, type DraftState } from '../../src/lib/desk/review-workflow.ts';
import type { Draft } from '../draft-store.ts';
import { html, type Html } from './html.ts';
import { csrfField, failureNotice, formatTime, page, successNotice, type Failure, type Viewer } from './layout.ts';

export interface UploadChoices {
  regions: { id: string; name: string }[];
  policies: { id: string; title: string; region: string }[];
  taskLists: { id: string }[];
  tables: { id: string; name: string }[];
}

/** What the person chose last time, so a refused upload keeps their choices. */
export interface UploadForm {
  type?: string;
  region?: string;
  policy?: string;
  list?: string;
  newList?: string;
  table?: string;
}

const ORDER: DraftState[] = ['returned', 'draft', 'in-review', 'published', 'discarded'];

function select(name: string, label: string, options: { value: string; label: string }[], chosen: string | undefined, hint: string): Html {
  return html`<div class="field">
    <label for="u-${name}">${label}</label>
    <select id="u-${name}" name="${name}">
      <option value="">（请选择）</option>
      ${options.map((o) => html`<option value="${o.value}" ${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
    </select>
    <p class="hint">${hint}</p>
  </div>`;
}

export function workbenchPage(
  viewer: Viewer,
  drafts: readonly Draft[],
  choices: UploadChoices,
  options: { failure?: Failure; notice?: string; form?: UploadForm } = {},
): Html {
  const form = options.form ?? {};
  const type = form.type ?? 'briefing';
  const groups = ORDER.map((state) => ({ state, drafts: drafts.filter((d) => d.state === state) })).filter((g) => g.drafts.length > 0);
  const regionOptions = choices.regions.map((r) => ({ value: r.id, label: `${r.name}（${r.id}）` }));
  return page(
    '工作台',
    viewer,
    html`${successNotice(options.notice)}${failureNotice(options.failure)}
      <section class="upload" aria-labelledby="upload-title">
        <h2 id="upload-title">上传文件，生成草稿</h2>
        <form method="post" action="/drafts" enctype="multipart/form-data" class="upload-form">
          ${csrfField(viewer)}
          <fieldset class="types">
            <legend>文件类型</legend>
            ${[
              ['briefing', '工作简报（Word .docx）'],
              ['policy', '政策文件（Word .docx）'],
              ['tasks', '任务清单（Excel .xlsx 或 CSV）'],
              ['table', '数据表格（Excel .xlsx 或 CSV）'],
            ].map(
              ([value, label]) =>
                html`<label class="choice"
                  ><input type="radio" name="type" value="${value!}" ${value === type ? html` checked` : ''} /> ${label!}</label
                >`,
            )}
          </fieldset>
          <div class="dropzone" data-dropzone>
            <label for="u-file">选择文件</label>
            <input id="u-file" type="file" name="file" required accept=".docx,.xlsx,.csv" />
            <p class="hint">也可以把文件拖到这里。最大 20 MB。</p>
          </div>
          <div class="choices">
            ${select('region', '地区', regionOptions, form.region, '简报、政策和任务清单都要选择地区。')}
            ${select(
              'policy',
              '来源政策（任务清单）',
              choices.policies.map((p) => ({ value: p.id, label: p.title })),
              form.policy,
              '任务清单来自哪份政策文件。',
            )}
            ${select(
              'list',
              '任务清单（任务清单）',
              choices.taskLists.map((l) => ({ value: l.id, label: l.id })),
              form.list,
              '更新已有的清单时选择；新清单请在下面填写编号。',
            )}
            <div class="field">
              <label for="u-newList">新清单编号（任务清单）</label
              ><input id="u-newList" name="newList" value="${form.newList ?? ''}" autocapitalize="none" spellcheck="false" />
              <p class="hint">小写拼音和数字，用连字符连接，例如 qingshanhu-2024-zhibiao-renwu。</p>
            </div>
            ${select(
              'table',
              '数据表格（数据表格）',
              choices.tables.map((t) => ({ value: t.id, label: t.name })),
              form.table,
              '上传数据表格时选择要更新哪一张表。',
            )}
          </div>
          <button type="submit" class="primary">上传并导入</button>
        </form>
      </section>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">稿件</h2>
        ${groups.length === 0 ? html`<p>还没有稿件。上传一个文件开始。</p>` : ''}
        ${groups.map(
          (g) =>
            html`<h3>${STATE_LABELS[g.state]}（${g.drafts.length}）</h3>
              <ul class="draft-list">
                ${g.drafts.map(
                  (d) =>
                    html`<li>
                      <a href="/drafts/${d.id}">${d.title}</a> <span class="meta">${d.editors.join('、')} · ${formatTime(d.updated)}</span>
                    </li>`,
                )}
              </ul>`,
        )}
      </section>`,
  );
}
