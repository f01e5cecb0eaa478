/**
 * The publishing desk as a Hono application: login, sessions and CSRF, the
 * upload → draft → review → publish screens, history and releases. Everything
 * it touches on disk or in git is passed in (DeskConfig), so tests drive it
 * in-process with `app.request()` and the e2e test runs it as `npm run desk`.
 * What a draft's form shows and checks is in desk/draft-form.ts, publishing in
 * desk/publish.ts, the upload's target in desk/upload-target.ts.
 *
 * Why one file: the routes share one closure (stores, sessions, the preview's
 * sync and the request helpers) and one middleware chain, so the order in
 * which a request is checked is read in one place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ID_PATTERN } from '../src/schemas/fields.ts';
import { TABLE_DATASET_PATHS, tableOfDataset } from '../src/schemas/datasets.ts';
import { checkContent, statedContentFiles } from '../src/loaders/content-files.ts';
import type { ContentFile } from '../src/lib/content/content-model.ts';
import { inspectUpload, UPLOAD_LIMIT_BYTES } from '../src/lib/desk/upload-check.ts';
import {
  allowedActions,
  isEditable,
  permission,
  returnComment,
  withEditor,
  type DraftAction,
  type Role,
} from '../src/lib/desk/review-workflow.ts';
import { importUpload } from '../scripts/authoring/import-upload.ts';
import { authenticate, type Account } from './accounts.ts';
import { DraftStore, type Draft } from './draft-store.ts';
import { contentIdOf, effectiveChanges, figureFieldsOf, formText, frontmatterFields, issuesOf, withForm } from './draft-form.ts';
import { publishDraft } from './publish.ts';
import { securityHeaders } from './security-headers.ts';
import { uploadTarget } from './upload-target.ts';
import {
  LoginThrottle,
  sameToken,
  SESSION_COOKIE,
  SessionStore,
  type Session,
  type SessionLimits,
  type ThrottleLimits,
} from './sessions.ts';
import { publicationHistory, type Person } from './git-repository.ts';
import { activateRelease, listReleases } from './site-release.ts';
import { PREVIEW_BASE, type PreviewServer } from './preview-server.ts';
import { html, type Html } from './views/html.ts';
import { page, type Failure, type Viewer } from './views/layout.ts';
import { loginPage } from './views/login-page.ts';
import { workbenchPage, type UploadChoices, type UploadForm } from './views/workbench-page.ts';
import { draftPage, type DraftView } from './views/draft-page.ts';
import { historyPage, releasesPage } from './views/history-page.ts';

export interface DeskUser extends Person {
  username: string;
  roles: Role[];
}

export interface DeskConfig {
  repoDir: string;
  dataDir: string;
  /** The accounts; undefined = single-user mode (loopback only, checked by the caller). */
  accounts?: readonly Account[];
  /** The one user of single-user mode. */
  localUser?: Person;
  /** Git remote to push to after each publication. */
  remote?: string;
  /** Releases folder of the single-server mode (--web-root). */
  webRoot?: string;
  /** Trust X-Forwarded-Proto from the reverse proxy in front (--trust-proxy). */
  trustProxy?: boolean;
  preview?: PreviewServer;
  sessionLimits?: SessionLimits;
  throttle?: ThrottleLimits;
}

/** The body cap: the upload limit plus room for the other form fields and multipart framing. */
const BODY_LIMIT_BYTES = UPLOAD_LIMIT_BYTES + 256 * 1024;

const STATIC_DIR = join(import.meta.dirname, 'static');
const STATIC_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const COMMIT_PATTERN = /^[0-9a-f]{40}$/;

type Env = { Variables: { session?: Session; user?: DeskUser; form?: Record<string, string | File> } };

export function createDeskApp(config: DeskConfig) {
  const sessions = new SessionStore(config.sessionLimits);
  const throttle = new LoginThrottle(config.throttle);
  const drafts = new DraftStore(config.dataDir);
  const singleUser = config.accounts === undefined;
  const localUser: DeskUser = {
    username: 'benji',
    name: config.localUser?.name ?? '本机用户',
    email: config.localUser?.email ?? 'desk@localhost',
    roles: ['editor', 'reviewer'],
  };
  const users = new Map<string, DeskUser>(
    singleUser
      ? [[localUser.username, localUser]]
      : config.accounts!.map((a) => [a.username, { username: a.username, name: a.name, email: a.email, roles: a.roles }]),
  );
  /** People are shown by name; drafts record user names. */
  const nameOf = (username: string) => users.get(username)?.name ?? username;
  const listed = () => drafts.list().map((d) => ({ ...d, editors: d.editors.map(nameOf) }));
  const staticFiles = new Set(readdirSync(STATIC_DIR));
  const contentDir = join(config.repoDir, 'content');
  // Each file's text is read when first asked for: a publication stages the files unchanged since the last one without reading them.
  const readContent = (): ContentFile[] => statedContentFiles(contentDir);
  const mode = { singleUser };
  const publishing = new Set<string>();

  // The preview follows the open drafts; pages wait for the latest sync before they are proxied.
  let previewSync: Promise<void> = Promise.resolve();
  const syncPreview = () => {
    if (!config.preview) return;
    const open = drafts.list().filter((d) => d.state !== 'published' && d.state !== 'discarded' && d.kind !== 'withdrawal');
    const preview = config.preview;
    previewSync = previewSync
      .then(() => preview.sync(open.map((d) => ({ id: d.id, changes: effectiveChanges(d) }))))
      .catch((error: unknown) => console.error('预览更新失败：', error));
  };
  syncPreview();

  const app = new Hono<Env>();

  const isHttps = (c: Context<Env>) =>
    new URL(c.req.url).protocol === 'https:' || (config.trustProxy === true && c.req.header('x-forwarded-proto') === 'https');
  const clientAddress = (c: Context<Env>) => {
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
  const startSession = (c: Context<Env>, session: Session) =>
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c) });

  const viewerOf = (c: Context<Env>): Viewer => {
    const user = c.get('user')!;
    return {
      username: user.username,
      name: user.name,
      roles: user.roles,
      csrfToken: c.get('session')!.csrfToken,
      singleUser,
      releases: config.webRoot !== undefined,
    };
  };
  const render = (c: Context<Env>, body: Html, status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 = 200) =>
    c.html(body.text, status);
  const wantsJson = (c: Context<Env>) => (c.req.header('accept') ?? '').includes('application/json');
  const refuse = (c: Context<Env>, status: 401 | 403 | 404 | 413, message: string) =>
    wantsJson(c)
      ? c.json({ error: message }, status)
      : render(c, page('无法完成', c.get('user') ? viewerOf(c) : undefined, failureBody(message)), status);

  app.use('*', securityHeaders(isHttps));

  app.get('/static/:file', (c) => {
    const file = c.req.param('file');
    if (!staticFiles.has(file) || !STATIC_TYPES[extname(file)]) return c.notFound();
    return c.body(readFileSync(join(STATIC_DIR, file)), 200, { 'Content-Type': STATIC_TYPES[extname(file)]! });
  });

  // The session, if the cookie names a live one.
  app.use('*', async (c, next) => {
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (session) {
      c.set('session', session);
      if (session.username) c.set('user', users.get(session.username));
    } else if (singleUser && c.req.method === 'GET' && !c.req.path.startsWith('/static/')) {
      // Single-user mode: the first page opened on this machine starts the one user's session.
      const fresh = sessions.create(localUser.username);
      startSession(c, fresh);
      c.set('session', fresh);
      c.set('user', localUser);
    }
    await next();
  });

  // Every change: same origin, within the size limit, with the session's CSRF token.
  app.use(
    '*',
    async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const own = new URL(c.req.url).origin;
      const forwardedOwn = config.trustProxy ? `https://${new URL(c.req.url).host}` : undefined;
      if ((origin !== undefined && origin !== own && origin !== forwardedOwn) || (site !== undefined && site !== 'same-origin')) {
        return refuse(c, 403, '请求不是从发布台的页面发出的，已拒绝。请从发布台页面重新操作。');
      }
      if (!c.get('session')) return c.req.path === '/login' ? refuse(c, 403, '登录页面已过期，请刷新页面后重新登录。') : notLoggedIn(c);
      if (c.req.path !== '/login' && !c.get('user')) return notLoggedIn(c);
      return next();
    },
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: (c) =>
        refuse(c as Context<Env>, 413, '文件太大：上传的文件不能超过 20 MB。请压缩图片或拆分文件后重新上传。没有做任何改动。'),
    }),
    async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
      const session = c.get('session')!;
      let given = c.req.header('x-csrf-token');
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
        let form: Record<string, string | File>;
        try {
          form = (await c.req.parseBody()) as Record<string, string | File>;
        } catch {
          return refuse(c, 413, '无法读取提交的表单（可能超过 20 MB 或传输中断），没有做任何改动。');
        }
        c.set('form', form);
        given ??= typeof form._csrf === 'string' ? form._csrf : undefined;
      }
      if (!sameToken(session.csrfToken, given))
        return refuse(c, 403, '页面已过期或请求不完整（缺少安全校验码），没有做任何改动。请刷新页面后重试。');
      return next();
    },
  );

  function notLoggedIn(c: Context<Env>) {
    if (c.req.method === 'GET' && !wantsJson(c)) return c.redirect('/login', 303);
    return refuse(c, 401, '您还没有登录或登录已过期，没有做任何改动。请重新登录。');
  }

  const formOf = (c: Context<Env>) => c.get('form') ?? {};

  // Login and logout.
  app.get('/login', (c) => {
    if (c.get('user')) return c.redirect('/', 303);
    let session = c.get('session');
    if (!session) {
      session = sessions.create();
      startSession(c, session);
    }
    return render(c, loginPage({ csrfToken: session.csrfToken }));
  });

  app.post('/login', async (c) => {
    const form = formOf(c);
    const username = formText(form, 'username').trim();
    const password = formText(form, 'password');
    const address = clientAddress(c);
    const session = c.get('session')!;
    const wait = throttle.blockedFor(address, username);
    if (wait !== undefined)
      return render(c, loginPage({ csrfToken: session.csrfToken, username, message: `登录失败次数过多，请 ${wait} 分钟后再试。` }), 429);
    const account = singleUser ? undefined : await authenticate(config.accounts!, username, password);
    if (!account) {
      throttle.recordFailure(address, username);
      return render(
        c,
        loginPage({ csrfToken: session.csrfToken, username, message: '用户名或密码不对。连续输错 5 次需等 15 分钟。' }),
        403,
      );
    }
    throttle.recordSuccess(username);
    startSession(c, sessions.rotate(session.id, account.username));
    return c.redirect('/', 303);
  });

  app.post('/logout', (c) => {
    sessions.destroy(c.get('session')?.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
    return c.redirect('/login', 303);
  });

  // Everything else needs a logged-in user: denied by default, so a route added later cannot be left open by mistake.
  const requireUser: MiddlewareHandler<Env> = async (c, next) =>
    c.req.path === '/login' || c.req.path.startsWith('/static/') || c.get('user') ? next() : notLoggedIn(c);
  app.use('*', requireUser);

  // Content the upload form offers: from the validated model, kept until a content file changes, not validated again on every page.
  function uploadChoices(): UploadChoices {
    const { model } = checkContent(contentDir);
    return {
      regions: model.regions.map((r) => ({ id: r.data.id, name: r.data.name })),
      policies: model.policies.map((p) => ({ id: p.id, title: p.data.title, region: p.data.region })),
      taskLists: model.taskLists.map((l) => ({ id: l.id })),
      tables: TABLE_DATASET_PATHS.map((path) => ({ id: path, name: `${tableOfDataset(path)?.title ?? path}（${path}.csv）` })),
    };
  }

  app.get('/', (c) => {
    const notice = c.req.query('notice');
    return render(c, workbenchPage(viewerOf(c), listed(), uploadChoices(), { notice: notice ? NOTICES[notice] : undefined }));
  });

  app.post('/drafts', async (c) => {
    const form = formOf(c);
    const user = c.get('user')!;
    const chosen: UploadForm = {
      type: formText(form, 'type'),
      region: formText(form, 'region'),
      policy: formText(form, 'policy'),
      list: formText(form, 'list'),
      newList: formText(form, 'newList'),
      table: formText(form, 'table'),
    };
    const choices = uploadChoices();
    const refuseUpload = (step: string, messages: string[], status: 400 | 403 | 422 = 422) =>
      render(
        c,
        workbenchPage(viewerOf(c), listed(), choices, {
          failure: { step, messages, outcome: '没有生成草稿，也没有改动任何内容。' },
          form: chosen,
        }),
        status,
      );
    if (!user.roles.includes('editor')) return refuseUpload('第1步：上传', ['您没有“编辑”权限，不能上传文件。'], 403);
    const file = form.file;
    if (!(file instanceof File))
      return refuseUpload('第1步：上传', ['没有收到文件：请点“选择文件”选好文件（或拖到上传区）后再点“上传并导入”。'], 400);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const inspected = inspectUpload(bytes, file.name);
    if (!inspected.ok) return refuseUpload('第1步：检查文件', [inspected.message]);
    const target = uploadTarget(chosen, choices, inspected.kind);
    if (!target.ok) return refuseUpload('第2步：选择导入位置', target.messages);
    let imported;
    try {
      imported = await importUpload({ bytes, fileName: file.name, kind: inspected.kind, target: target.target, content: readContent() });
    } catch (error) {
      console.error('导入出错：', error);
      return refuseUpload('第3步：导入', ['读取文件内容时出错，文件可能已损坏。请用 Word/WPS/Excel 打开后另存为新文件再上传。']);
    }
    if (!imported.ok) return refuseUpload('第3步：导入', imported.errors);
    // The site shows no images and a draft holds text only: say so, rather than let the import's note suggest they were kept in the content.
    const review =
      imported.binaryFiles.length === 0
        ? imported.review
        : {
            ...imported.review,
            toCheck: [
              ...imported.review.toCheck,
              `这份 Word 文件里有 ${imported.binaryFiles.length} 张图片，不会随草稿发布（网站正文不显示图片，上面说的图片文件也不会写入网站内容）；原 Word 文件保存在发布台。图中如有文字或数字，请写入正文。`,
            ],
          };
    const id = drafts.freeId(imported.id);
    drafts.create(
      {
        id,
        kind: imported.kind,
        contentId: imported.id,
        title: imported.title,
        target: target.target,
        changes: imported.changes,
        review,
        unplaced: imported.unplaced,
        figures: {},
        state: 'draft',
        editor: user.username,
        editors: [user.username],
        comments: [],
        upload: { fileName: file.name.slice(0, 200), kind: inspected.kind },
      },
      bytes,
    );
    syncPreview();
    return c.redirect(`/drafts/${id}?notice=imported`, 303);
  });

  function draftView(c: Context<Env>, draft: Draft, extra: { failure?: Failure; notice?: string; shown?: Draft } = {}): DraftView {
    const content = readContent();
    const shown = extra.shown ?? draft;
    const figureFields = figureFieldsOf(shown, content);
    return {
      draft: { ...shown, version: draft.version, state: draft.state, editors: shown.editors.map(nameOf) },
      actions: allowedActions(draft, c.get('user')!, mode),
      frontmatter: frontmatterFields(shown),
      figures: shown.unplaced.map((figure, i) => ({ figure, fields: figureFields[i] ?? [] })),
      // A published draft's rows are in the content now: checked against it, each would clash with itself.
      issues: shown.kind === 'withdrawal' || draft.state === 'published' ? new Map() : issuesOf(shown, content, figureFields),
      ...(config.preview && shown.kind !== 'withdrawal' && (isEditable(draft.state) || draft.state === 'in-review')
        ? {
            preview: {
              path: config.preview.pathOf({
                id: shown.kind === 'table' && 'into' in shown.target ? shown.target.into : contentIdOf(shown),
                kind: shown.kind,
              }),
            },
          }
        : {}),
      ...(extra.failure ? { failure: extra.failure } : {}),
      ...(extra.notice ? { notice: extra.notice } : {}),
    };
  }

  const draftOf = (c: Context<Env>) => {
    const id = c.req.param('id') ?? '';
    return ID_PATTERN.test(id) ? drafts.get(id) : undefined;
  };
  const missing = (c: Context<Env>) => refuse(c, 404, '没有这份稿件（可能已被删除，或地址有误）。请回到工作台。');

  app.get('/drafts/:id', (c) => {
    const draft = draftOf(c);
    if (!draft) return missing(c);
    const notice = c.req.query('notice');
    return render(c, draftPage(viewerOf(c), draftView(c, draft, { notice: notice ? NOTICES[notice] : undefined })));
  });

  app.post('/drafts/:id/validate', (c) => {
    const draft = draftOf(c);
    if (!draft) return c.json({ error: '没有这份稿件' }, 404);
    const content = readContent();
    const shown = withForm(draft, formOf(c), content);
    const issues = issuesOf(shown, content, figureFieldsOf(shown, content));
    return c.json({ issues: [...issues].map(([field, messages]) => ({ field, messages })) });
  });

  /**
   * Saves the form into the draft when it is still at the version the form was loaded with.
   * A stale version gets 409 and the page again with the person's own input in it.
   */
  async function saveForm(
    c: Context<Env>,
    draft: Draft,
    action: DraftAction,
  ): Promise<{ ok: true; draft: Draft } | { ok: false; response: Response }> {
    const user = c.get('user')!;
    const form = formOf(c);
    const allowed = permission(action, draft, user, mode);
    const failStep = `${action === 'submit' ? '提交审核' : '保存'}`;
    if (!allowed.ok)
      return {
        ok: false,
        response: render(c, draftPage(viewerOf(c), draftView(c, draft, { failure: { step: failStep, messages: [allowed.reason] } })), 403),
      };
    const content = readContent();
    const edited = withForm(draft, form, content);
    const version = Number(formText(form, 'version'));
    const saved = await drafts.update(draft.id, version, (current) => ({
      ...current,
      title: edited.title,
      changes: edited.changes,
      figures: edited.figures,
      editors: withEditor(current.editors, user.username),
    }));
    if (!saved.ok) {
      if (saved.reason === 'missing') return { ok: false, response: missing(c) };
      const failure: Failure = {
        step: failStep,
        messages: [
          `已被他人修改：${nameOf(saved.current.editors.at(-1) ?? '')} 在您打开这一页之后保存了这份稿件（${saved.current.state === 'in-review' ? '并已提交审核' : '现在是第 ' + saved.current.version + ' 版'}）。`,
          '您填写的内容保留在下面的表格里，没有丢失。请先在新窗口打开这份稿件核对对方的修改，再决定是否用您的内容保存。',
        ],
        outcome: '您的这次保存没有生效，稿件保持对方保存的样子。',
      };
      return {
        ok: false,
        response: render(
          c,
          draftPage(viewerOf(c), draftView(c, saved.current, { failure, shown: { ...edited, version: saved.current.version } })),
          409,
        ),
      };
    }
    syncPreview();
    return { ok: true, draft: saved.draft };
  }

  app.post('/drafts/:id/save', async (c) => {
    const draft = draftOf(c);
    if (!draft) return missing(c);
    const saved = await saveForm(c, draft, 'save');
    return saved.ok ? c.redirect(`/drafts/${draft.id}?notice=saved`, 303) : saved.response;
  });

  app.post('/drafts/:id/submit', async (c) => {
    let draft = draftOf(c);
    if (!draft) return missing(c);
    const user = c.get('user')!;
    if (draft.kind !== 'withdrawal') {
      const saved = await saveForm(c, draft, 'submit');
      if (!saved.ok) return saved.response;
      draft = saved.draft;
      const content = readContent();
      const issues = issuesOf(draft, content, figureFieldsOf(draft, content));
      if (issues.size > 0) {
        const failure = {
          step: '提交审核',
          messages: ['稿件还有问题，已保存但没有提交审核。请按各项旁边的提示修改后再提交。'],
          outcome: '您的修改已保存；稿件仍是草稿。',
        };
        return render(c, draftPage(viewerOf(c), draftView(c, draft, { failure })), 422);
      }
    }
    return transition(
      c,
      draft,
      'submit',
      Number(draft.kind === 'withdrawal' ? formText(formOf(c), 'version') : draft.version),
      (d) => ({ ...d, editors: withEditor(d.editors, user.username) }),
      'submitted',
    );
  });

  app.post('/drafts/:id/return', async (c) => {
    const draft = draftOf(c);
    if (!draft) return missing(c);
    const comment = returnComment(formText(formOf(c), 'comment'));
    if (!comment.ok)
      return render(c, draftPage(viewerOf(c), draftView(c, draft, { failure: { step: '退回修改', messages: [comment.reason] } })), 422);
    const user = c.get('user')!;
    return transition(
      c,
      draft,
      'return',
      Number(formText(formOf(c), 'version')),
      (d) => ({ ...d, comments: [...d.comments, { who: user.name, when: new Date().toISOString(), text: comment.text }] }),
      'returned',
    );
  });

  app.post('/drafts/:id/discard', async (c) => {
    const draft = draftOf(c);
    if (!draft) return missing(c);
    return transition(c, draft, 'discard', Number(formText(formOf(c), 'version')), (d) => d, 'discarded');
  });

  /** A state change after the workflow allows it, at the version the page was loaded with. */
  async function transition(
    c: Context<Env>,
    draft: Draft,
    action: DraftAction,
    version: number,
    change: (d: Draft) => Draft,
    notice: string,
  ) {
    const user = c.get('user')!;
    const allowed = permission(action, draft, user, mode);
    if (!allowed.ok)
      return render(
        c,
        draftPage(viewerOf(c), draftView(c, draft, { failure: { step: ACTION_TEXT[action], messages: [allowed.reason] } })),
        403,
      );
    const saved = await drafts.update(draft.id, version, (d) => ({ ...change(d), state: allowed.next }));
    if (!saved.ok) {
      if (saved.reason === 'missing') return missing(c);
      return render(
        c,
        draftPage(
          viewerOf(c),
          draftView(c, saved.current, {
            failure: {
              step: ACTION_TEXT[action],
              messages: ['已被他人修改：这份稿件在您打开页面之后有了变化。请看下面的最新内容后再操作。'],
            },
          }),
        ),
        409,
      );
    }
    syncPreview();
    return c.redirect(`/drafts/${draft.id}?notice=${notice}`, 303);
  }

  const personOf = (username: string): Person => {
    const user = users.get(username);
    return user ? { name: user.name, email: user.email } : { name: username, email: `${username}@localhost` };
  };

  app.post('/drafts/:id/approve', async (c) => {
    const draft = draftOf(c);
    if (!draft) return missing(c);
    const user = c.get('user')!;
    const allowed = permission('approve', draft, user, mode);
    if (!allowed.ok)
      return render(c, draftPage(viewerOf(c), draftView(c, draft, { failure: { step: '审核通过', messages: [allowed.reason] } })), 403);
    if (Number(formText(formOf(c), 'version')) !== draft.version) {
      return render(
        c,
        draftPage(
          viewerOf(c),
          draftView(c, draft, {
            failure: { step: '审核通过', messages: ['已被他人修改：这份稿件在您打开页面之后有了变化。请看下面的最新内容后再审核。'] },
          }),
        ),
        409,
      );
    }
    // One publication at a time per draft: a second click (or a second reviewer) waits for none and is told.
    if (publishing.has(draft.id))
      return render(
        c,
        draftPage(
          viewerOf(c),
          draftView(c, draft, { failure: { step: '审核通过', messages: ['这份稿件正在发布中，请稍候刷新页面查看结果。'] } }),
        ),
        409,
      );
    publishing.add(draft.id);
    let published: Awaited<ReturnType<typeof publishDraft>>;
    try {
      published = await publishDraft(draft, personOf(draft.editor), user, config, readContent);
    } finally {
      publishing.delete(draft.id);
    }
    if (!published.ok) return render(c, draftPage(viewerOf(c), draftView(c, draft, { failure: published.failure })), 422);
    await drafts.update(draft.id, draft.version, (d) => ({
      ...d,
      state: 'published',
      reviewer: user.name,
      published: { commit: published.commit, pushed: published.pushed, when: new Date().toISOString() },
    }));
    syncPreview();
    const notice = published.note ? 'published-note' : `published${config.webRoot ? '-live' : ''}${published.pushed ? '-pushed' : ''}`;
    return c.redirect(`/drafts/${draft.id}?notice=${notice}`, 303);
  });

  app.get('/history', async (c) => {
    const notice = c.req.query('notice');
    return render(c, historyPage(viewerOf(c), await publicationHistory(config.repoDir), { notice: notice ? NOTICES[notice] : undefined }));
  });

  app.post('/history/:commit/withdraw', async (c) => {
    const user = c.get('user')!;
    const commit = c.req.param('commit');
    const history = await publicationHistory(config.repoDir);
    const publication = COMMIT_PATTERN.test(commit) ? history.find((p) => p.commit === commit) : undefined;
    const fail = (message: string, status: 403 | 404 | 422) =>
      render(c, historyPage(viewerOf(c), history, { failure: { step: '撤回', messages: [message] } }), status);
    if (!user.roles.includes('editor')) return fail('您没有“编辑”权限，不能发起撤回。', 403);
    if (!publication) return fail('发布记录里没有这次发布。', 404);
    if (publication.withdrawnBy || publication.withdraws) return fail('这次发布已经撤回过，或它本身就是一次撤回。', 422);
    const existing = drafts
      .list()
      .find(
        (d) =>
          d.kind === 'withdrawal' &&
          'withdraws' in d.target &&
          d.target.withdraws === commit &&
          (d.state === 'draft' || d.state === 'in-review' || d.state === 'returned'),
      );
    if (existing) return c.redirect(`/drafts/${existing.id}`, 303);
    const id = drafts.freeId(`chehui-${commit.slice(0, 10)}`);
    drafts.create({
      id,
      kind: 'withdrawal',
      title: `撤回：${publication.subject}`,
      target: { withdraws: commit },
      changes: [],
      review: { recognised: [], toCheck: [] },
      unplaced: [],
      figures: {},
      state: 'draft',
      editor: user.username,
      editors: [user.username],
      comments: [],
    });
    return c.redirect(`/drafts/${id}?notice=withdrawal`, 303);
  });

  app.get('/releases', async (c) => {
    if (!config.webRoot) return c.notFound();
    const notice = c.req.query('notice');
    return render(c, releasesPage(viewerOf(c), await listReleases(config.webRoot), { notice: notice ? NOTICES[notice] : undefined }));
  });

  app.post('/releases/:id/activate', async (c) => {
    if (!config.webRoot) return c.notFound();
    const id = c.req.param('id');
    const releases = await listReleases(config.webRoot);
    const fail = (message: string, status: 403 | 404 | 500) =>
      render(
        c,
        releasesPage(viewerOf(c), releases, { failure: { step: '切换网站版本', messages: [message], outcome: '网站仍是原来的版本。' } }),
        status,
      );
    if (!c.get('user')!.roles.includes('reviewer')) return fail('您没有“审核”权限，不能切换网站版本。', 403);
    if (!ID_PATTERN.test(id) || !releases.some((r) => r.id === id)) return fail('没有这个网站版本。', 404);
    try {
      await activateRelease(config.webRoot, id);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error), 500);
    }
    return c.redirect('/releases?notice=activated', 303);
  });

  app.get(`${PREVIEW_BASE}*`, async (c) => {
    if (!config.preview) return c.notFound();
    await previewSync;
    return config.preview.handle(c.req.raw);
  });

  app.notFound((c) => refuse(c, 404, '没有这个页面。请回到工作台。'));
  app.onError((error, c) => {
    console.error(error);
    return c.html(
      page(
        '出错了',
        undefined,
        failureBody('发布台内部出错，这一步没有完成。请回到工作台重试；如果反复出现，请联系管理员（错误已记录在发布台的输出中）。'),
      ).text,
      500,
    );
  });

  return { app, sessions, drafts, syncPreview };
}

function failureBody(message: string): Html {
  return html`<section class="failure" role="alert"><p>${message}</p></section>
    <p><a href="/">回到工作台</a></p>`;
}

const ACTION_TEXT: Record<DraftAction, string> = {
  save: '保存',
  submit: '提交审核',
  approve: '审核通过',
  return: '退回修改',
  discard: '放弃草稿',
};

const NOTICES: Record<string, string> = {
  imported: '已导入，生成了草稿。请核对下面的导入结果和表格，修改后点“保存”，确认无误再“提交审核”。',
  saved: '已保存。',
  submitted: '已提交审核，稿件已锁定。请通知审核人。',
  returned: '已退回修改，编辑可以看到您的意见。',
  discarded: '已放弃这份草稿。',
  published: '审核通过，已发布并提交到版本库。',
  'published-pushed': '审核通过，已发布，提交已推送到远程仓库（网站将由自动构建更新）。',
  'published-live': '审核通过，已发布：网站已换成新版本，内容已提交到版本库。',
  'published-live-pushed': '审核通过，已发布：网站已换成新版本，提交已推送到远程仓库。',
  'published-note': '审核通过，内容已提交；但有一步需要注意，请看发布记录。',
  withdrawal: '已生成撤回稿件：提交审核并由审核人通过后才会撤下。',
  activated: '已切换网站版本。',
};
