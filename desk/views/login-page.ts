import { html, type Html } from './html.ts';
import { page } from './layout.ts';

export function loginPage(options: { csrfToken: string; username?: string; message?: string }): Html {
  return page(
    '登录',
    undefined,
    html`${options.message ? html`<p class="failure" role="alert">${options.message}</p>` : ''}
      <form method="post" action="/login" class="login">
        <input type="hidden" name="_csrf" value="${options.csrfToken}" />
        <div class="field">
          <label for="username">用户名</label
          ><input
            id="username"
            name="username"
            autocomplete="username"
            required
            value="${options.username ?? ''}"
            autocapitalize="none"
            spellcheck="false"
          />
        </div>
        <div class="field">
          <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit" class="primary">登录</button>
      </form>
      <p class="hint">忘记密码请找管理员重设（npm run desk:user）。连续输错 5 次需等 15 分钟。</p>`,
  );
}
