/** The page of one draft: import result, forms, live messages, preview and the review buttons. */
import { ACTION_LABELS, STATE_LABELS, type DraftAction } from '../../src/lib/desk/review-workflow.ts';
import type { FormField } from '../../src/lib/desk/schema-form.ts';
import type { UnplacedFigure } from '../../scripts/authoring/import-upload.ts';
import type { Draft } from '../draft-store.ts';
import { html, type Html } from './html.ts';
import { csrfField, failureNotice, formatTime, formField, page, successNotice, type Failure, type Viewer } from './layout.ts';

export interface DraftView {
  draft: Draft;
  actions: readonly DraftAction[];
  /** The frontmatter form (briefings and policies), field names without prefix. */
  frontmatter: FormField[];
  figures: { figure: UnplacedFigure; fields: FormField[] }[];
  /** Messages by the form name of their field (`fm.title`, `fig.0.总数`); '' = not tied to a field. */
  issues: Map<string, string[]>;
  preview?: { path: string };
  failure?: Failure;
  notice?: string;
}

export const FRONTMATTER_PREFIX = 'fm.';
export const figurePrefix = (index: number) => `fig.${index}.`;

function group(title: string, items: readonly (string | Html)[], empty: string, className: string): Html {
  return html`<section class="import-group ${className}">
    <h3>${title}（${items.length}）</h3>
    ${
      items.length
        ? html`<ul>
            ${items.map((i) => html`<li>${i}</li>`)}
          </ul>`
        : html`<p class="hint">${empty}</p>`
    }
  </section>`;
}

export function draftPage(viewer: Viewer, view: DraftView): Html {
  const { draft } = view;
  const editable = view.actions.includes('save');
  const issuesOf = (name: string) => view.issues.get(name) ?? [];
  const general = view.issues.get('') ?? [];
  const withdrawal = draft.kind === 'withdrawal';
  return page(
    draft.title,
    viewer,
    html`<p class="state">
        状态：<strong class="state-${draft.state}">${STATE_LABELS[draft.state]}</strong> ·
        编辑：${draft.editors.join('、')}${draft.reviewer ? html` · 审核：${draft.reviewer}` : ''} · 更新于 ${formatTime(draft.updated)}
      </p>
      ${successNotice(view.notice)}${failureNotice(view.failure)}
      ${
        draft.comments.length
          ? html`<section class="comments" aria-labelledby="comments-title">
              <h2 id="comments-title">审核意见</h2>
              <ul>
                ${draft.comments.map((c) => html`<li><strong>${c.who}</strong>（${formatTime(c.when)}）：${c.text}</li>`)}
              </ul>
            </section>`
          : ''
      }
      ${
        withdrawal
          ? html`<p>
              这份稿件撤回提交
              <code>${'withdraws' in draft.target ? draft.target.withdraws.slice(0, 12) : ''}</code>
              发布的内容：审核通过后，网站恢复到那次发布之前的样子（在版本库中生成一次“撤销”提交）。
            </p>`
          : html`<section class="import-result" aria-labelledby="import-title">
              <h2 id="import-title">导入结果</h2>
              <div class="groups">
                ${group('已识别', draft.review.recognised, '无', 'recognised')}
                ${group('需要人工核对', draft.review.toCheck, '无', 'to-check')}
                ${group(
                  '未能导入及原因',
                  draft.unplaced.map((f) => html`“${f.quote}”：${f.reason}`),
                  '无：所有内容都已导入。',
                  'not-imported',
                )}
              </div>
            </section>`
      }
      <section class="messages" aria-labelledby="messages-title">
        <h2 id="messages-title">检查结果</h2>
        <ul class="issues" data-issues-for="" aria-live="polite">
          ${general.map((m) => html`<li>${m}</li>`)}
        </ul>
        <p class="hint" data-issue-count>
          ${view.issues.size === 0 ? '没有发现问题。' : `共 ${[...view.issues.values()].flat().length} 个问题，请按提示修改；有问题时不能提交审核。`}
        </p>
      </section>
      ${
        withdrawal
          ? ''
          : html`<form
              method="post"
              action="/drafts/${draft.id}/save"
              id="draft-form"
              data-validate="/drafts/${draft.id}/validate"
              novalidate
            >
              ${csrfField(viewer)}
              <input type="hidden" name="version" value="${draft.version}" />
              ${
                view.frontmatter.length
                  ? html`<fieldset class="frontmatter">
                      <legend>文件信息</legend>
                      ${view.frontmatter.map((f) => formField(f, FRONTMATTER_PREFIX, issuesOf(`${FRONTMATTER_PREFIX}${f.name}`), !editable))}
                    </fieldset>`
                  : ''
              }
              ${view.figures.map(
                ({ figure, fields }, i) =>
                  html`<fieldset class="figure">
                    <legend>未能放入进展表的数字 ${i + 1}</legend>
                    <blockquote class="source-sentence">
                      ${figure.quote}${figure.section ? html`<footer>来源章节：${figure.section}</footer>` : ''}
                    </blockquote>
                    <p class="hint">${figure.reason}。请照原文填写；原文没有写的数字留空，不要推算。全部留空则这个数字不发布。</p>
                    <div class="figure-fields">
                      ${fields.map((f) => formField(f, figurePrefix(i), issuesOf(`${figurePrefix(i)}${f.name}`), !editable))}
                    </div>
                  </fieldset>`,
              )}
              ${
                editable
                  ? html`<div class="buttons">
                      <button type="submit" name="action" value="save">${ACTION_LABELS.save}</button>${
                        view.actions.includes('submit')
                          ? html`<button type="submit" class="primary" formaction="/drafts/${draft.id}/submit">
                              ${ACTION_LABELS.submit}
                            </button>`
                          : ''
                      }
                    </div>`
                  : html`<p class="hint">${draft.state === 'in-review' ? '稿件已提交审核，已锁定，不能修改。' : '稿件不能再修改。'}</p>`
              }
            </form>`
      }
      ${
        withdrawal && view.actions.includes('submit')
          ? html`<form method="post" action="/drafts/${draft.id}/submit">
              ${csrfField(viewer)}<input type="hidden" name="version" value="${draft.version}" /><button type="submit" class="primary">
                ${ACTION_LABELS.submit}
              </button>
            </form>`
          : ''
      }
      ${
        view.actions.includes('approve') || view.actions.includes('return')
          ? html`<section class="review" aria-labelledby="review-title">
              <h2 id="review-title">审核</h2>
              ${
                view.actions.includes('approve')
                  ? html`<form method="post" action="/drafts/${draft.id}/approve">
                      ${csrfField(viewer)}<input type="hidden" name="version" value="${draft.version}" /><button
                        type="submit"
                        class="primary"
                      >
                        ${ACTION_LABELS.approve}
                      </button>
                      <p class="hint">
                        通过后立即发布：去掉草稿标记，检查全部内容，提交到版本库${viewer.releases ? '，并生成新的网站版本' : ''}。
                      </p>
                    </form>`
                  : html`<p class="hint">您编辑过这份稿件，需要另一位审核人审核通过。</p>`
              }
              ${
                view.actions.includes('return')
                  ? html`<form method="post" action="/drafts/${draft.id}/return">
                      ${csrfField(viewer)}<input type="hidden" name="version" value="${draft.version}" />
                      <div class="field">
                        <label for="comment">退回意见（必填）</label><textarea id="comment" name="comment" rows="3" required></textarea>
                      </div>
                      <button type="submit">${ACTION_LABELS.return}</button>
                    </form>`
                  : ''
              }
            </section>`
          : ''
      }
      ${
        view.preview
          ? html`<section class="preview" aria-labelledby="preview-title">
              <h2 id="preview-title">预览</h2>
              <p><a href="${view.preview.path}" target="_blank" rel="noopener">在新窗口打开完整预览</a>（保存后刷新即可看到修改）</p>
              <div class="frames">
                <figure>
                  <figcaption>手机（390 像素宽）</figcaption>
                  <iframe src="${view.preview.path}" width="390" height="700" title="手机宽度预览" loading="lazy"></iframe>
                </figure>
                <figure class="wide">
                  <figcaption>电脑（1280 像素宽）</figcaption>
                  <div class="scaled">
                    <iframe src="${view.preview.path}" width="1280" height="800" title="电脑宽度预览" loading="lazy"></iframe>
                  </div>
                </figure>
              </div>
            </section>`
          : ''
      }
      ${
        view.actions.includes('discard')
          ? html`<form method="post" action="/drafts/${draft.id}/discard" class="discard">
              ${csrfField(viewer)}<input type="hidden" name="version" value="${draft.version}" /><button type="submit" class="danger">
                ${ACTION_LABELS.discard}
              </button>
            </form>`
          : ''
      }`,
  );
}
