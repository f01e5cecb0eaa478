/** The page shell of every desk screen, and the pieces several screens share. */
import { ROLE_LABELS, type Role } from '../../src/lib/desk/review-workflow.ts';
import type { FormField } from '../../src/lib/desk/schema-form.ts';
import { html, type Html, type HtmlValue } from './html.ts';

export interface Viewer {
  username: string;
  name: string;
  roles: readonly Role[];
  csrfToken: string;
  singleUser: boolean;
  /** Whether the 网站版本 screen exists (--web-root). */
  releases: boolean;
}

const SINGLE_USER_NOTICE =
  '单人模式：发布台只在本机（127.0.0.1）运行，没有账号文件，您一人同时担任编辑和审核，可以自己审核通过。多人使用请建立账号文件（见 docs/desk.md）。';

export function page(title: string, viewer: Viewer | undefined, body: HtmlValue): Html {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${viewer ? html`<meta name="csrf-token" content="${viewer.csrfToken}" />` : ''}
        <title>${title} · 网站发布台</title>
        <link rel="stylesheet" href="/static/desk.css" />
        <script type="module" src="/static/desk.js"></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">网站发布台</a>
          ${
            viewer
              ? html`<nav aria-label="主菜单">
                    <a href="/">工作台</a><a href="/history">发布记录</a>${viewer.releases ? html`<a href="/releases">网站版本</a>` : ''}
                  </nav>
                  <div class="who">
                    <span>${viewer.name}（${viewer.roles.map((r) => ROLE_LABELS[r]).join('、')}）</span>
                    ${viewer.singleUser ? '' : html`<form method="post" action="/logout">${csrfField(viewer)}<button type="submit" class="link">退出登录</button></form>`}
                  </div>`
              : ''
          }
        </header>
        ${viewer?.singleUser ? html`<p class="single-user" role="note">${SINGLE_USER_NOTICE}</p>` : ''}
        <main id="main">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}

export function csrfField(viewer: { csrfToken: string }): Html {
  return html`<input type="hidden" name="_csrf" value="${viewer.csrfToken}" />`;
}

/** A failed step: which one, what went wrong, and that nothing was changed. */
export interface Failure {
  step: string;
  messages: readonly string[];
  /** Defaults to 没有做任何改动. */
  outcome?: string;
}

export function failureNotice(failure: Failure | undefined): Html {
  if (!failure) return html``;
  return html`<section class="failure" role="alert">
    <h2>${failure.step}失败</h2>
    <ul>
      ${failure.messages.map((m) => html`<li>${m}</li>`)}
    </ul>
    <p class="outcome">${failure.outcome ?? '没有做任何改动，网站和已保存的稿件都保持原样。'}</p>
  </section>`;
}

export function successNotice(text: string | undefined): Html {
  return text ? html`<p class="success" role="status">${text}</p>` : html``;
}

/** One form field generated from a schema (FormField), its messages under it. `prefix` keeps the names of several forms apart. */
export function formField(field: FormField, prefix: string, issues: readonly string[], disabled: boolean): Html {
  const name = `${prefix}${field.name}`;
  const id = `f-${name.replace(/[^A-Za-z0-9_-]/g, (c) => c.charCodeAt(0).toString(36))}`;
  const describedBy = `${id}-issues`;
  const common = { id, name, required: field.required && field.input !== 'checkbox', disabled };
  const attrs = html`id="${common.id}"
  name="${common.name}"${common.required ? html` required` : ''}${common.disabled ? html` disabled` : ''}
  aria-describedby="${describedBy}"${issues.length ? html` aria-invalid="true"` : ''}`;
  let control: Html;
  switch (field.input) {
    case 'textarea':
    case 'list':
      control = html`<textarea ${attrs} rows="${field.input === 'list' ? 3 : 4}">${field.value}</textarea>`;
      break;
    case 'select':
      control = html`<select ${attrs}>
        <option value="">（请选择）</option>
        ${(field.options ?? []).map(
          (o) => html`<option value="${o.value}" ${o.value === field.value ? html` selected` : ''}>${o.label}</option>`,
        )}
      </select>`;
      break;
    case 'checkbox':
      control = html`<input type="checkbox" value="true" ${attrs}${field.value === 'true' ? html` checked` : ''} />`;
      break;
    case 'number':
      control = html`<input type="text" inputmode="decimal" ${attrs} value="${field.value}" />`;
      break;
    case 'date':
      control = html`<input type="date" ${attrs} value="${field.value}" />`;
      break;
    default:
      control = html`<input type="text" ${attrs} value="${field.value}" />`;
  }
  return html`<div class="field${issues.length ? ' has-issues' : ''}">
    <label for="${id}">${field.label}${field.required ? html`<span class="required" aria-label="必填">*</span>` : ''}</label>
    ${control} ${field.hint ? html`<p class="hint">${field.hint}</p>` : ''}
    <ul class="issues" id="${describedBy}" data-issues-for="${name}" aria-live="polite">
      ${issues.map((m) => html`<li>${m}</li>`)}
    </ul>
  </div>`;
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
