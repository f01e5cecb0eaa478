/** 发布记录 (read from git) and 网站版本 (the release folders of --web-root). */
import type { Publication } from '../git-repository.ts';
import { html, type Html } from './html.ts';
import { csrfField, failureNotice, formatTime, page, successNotice, type Failure, type Viewer } from './layout.ts';

export function historyPage(
  viewer: Viewer,
  publications: readonly Publication[],
  options: { failure?: Failure; notice?: string } = {},
): Html {
  return page(
    '发布记录',
    viewer,
    html`${successNotice(options.notice)}${failureNotice(options.failure)}
      ${publications.length === 0 ? html`<p>还没有通过发布台发布的内容。</p>` : ''}
      <ul class="history">
        ${publications.map(
          (p) =>
            html`<li>
              <p class="what">${p.subject}</p>
              <p class="meta">
                编辑：${p.editor.name} · 审核：${p.reviewer.name} · ${formatTime(p.date)} · 提交 <code>${p.commit.slice(0, 12)}</code>
              </p>
              ${p.withdrawnBy ? html`<p class="meta">已撤回（提交 <code>${p.withdrawnBy.slice(0, 12)}</code>）</p>` : ''}
              ${p.withdraws ? html`<p class="meta">撤回了提交 <code>${p.withdraws.slice(0, 12)}</code></p>` : ''}
              ${
                !p.withdrawnBy && !p.withdraws && viewer.roles.includes('editor')
                  ? html`<form method="post" action="/history/${p.commit}/withdraw">
                      ${csrfField(viewer)}<button type="submit">撤回</button
                      ><span class="hint">生成一份撤回稿件，审核通过后才会撤下。</span>
                    </form>`
                  : ''
              }
            </li>`,
        )}
      </ul>`,
  );
}

export function releasesPage(
  viewer: Viewer,
  releases: readonly { id: string; live: boolean }[],
  options: { failure?: Failure; notice?: string } = {},
): Html {
  return page(
    '网站版本',
    viewer,
    html`${successNotice(options.notice)}${failureNotice(options.failure)}
      <p class="hint">每次发布都会生成一个新的网站版本，保留最近几个。网站出现问题时，可以一键切换回以前的版本（不改动内容记录）。</p>
      <ul class="releases">
        ${releases.map(
          (r) =>
            html`<li>
              <code>${r.id}</code>
              ${r.live ? html`<strong>（正在使用）</strong>` : viewer.roles.includes('reviewer') ? html`<form method="post" action="/releases/${r.id}/activate">${csrfField(viewer)}<button type="submit">切换到这个版本</button></form>` : ''}
            </li>`,
        )}
      </ul>`,
  );
}
