/**
 * Runs Debian's nginx with the repository's deploy/nginx.conf on a free
 * loopback port, as the current user, with its pid file, logs and temporary
 * folders in a folder of its own. The site's files are placed at
 * `<root><base>` exactly as docs/deploy.md describes (as links to the build),
 * with `extraFiles` (path below the base → content) beside them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './astro-build.ts';
import { freePort } from '../../desk/free-port.ts';

/** Debian's nginx (.ci/run installs it). */
const NGINX = '/usr/sbin/nginx';

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains “${from}”`);
  return text.replace(from, to);
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${readFileSync(log, 'utf8')}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not open port ${port}:\n${readFileSync(log, 'utf8')}`);
}

export async function startNginx(
  siteDir: string,
  base: string,
  extraFiles: Record<string, string | Buffer> = {},
): Promise<{ origin: string; stop: () => Promise<void> }> {
  const work = mkdtempSync(join(tmpdir(), 'nginx-'));
  const root = join(work, 'www');
  const siteFolder = join(root, base);
  mkdirSync(siteFolder, { recursive: true });
  for (const name of readdirSync(siteDir)) symlinkSync(join(siteDir, name), join(siteFolder, name));
  for (const [path, content] of Object.entries(extraFiles)) {
    mkdirSync(dirname(join(siteFolder, path)), { recursive: true });
    writeFileSync(join(siteFolder, path), content);
  }
  const port = await freePort();
  let server = readFileSync(join(PROJECT_ROOT, 'deploy', 'nginx.conf'), 'utf8');
  server = replaceOnce(server, '    listen 80;\n', `    listen 127.0.0.1:${port};\n`);
  server = replaceOnce(server, '    listen [::]:80;\n', '');
  server = replaceOnce(server, 'root /srv/yshj-site/current;', `root ${root};`);
  server = replaceOnce(server, 'set $site_base /;', `set $site_base ${base};`);
  const temp = (name: string) => `${name}_temp_path ${join(work, name)};`;
  const config = [
    'daemon off;',
    'worker_processes 1;',
    ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
    `pid ${join(work, 'nginx.pid')};`,
    `error_log ${join(work, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
    server,
    '}',
    '',
  ].join('\n');
  const file = join(work, 'nginx.conf');
  writeFileSync(file, config);
  const log = join(work, 'error.log');
  writeFileSync(log, '');
  const child = spawn(NGINX, ['-p', work, '-e', log, '-c', file], { stdio: 'ignore' });
  await waitForPort(port, child, log);
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
