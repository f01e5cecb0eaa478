/** `npm run deploy:config`: writes deploy/nginx.conf from src/lib/hosting-config.ts. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxServerBlock } from '../../src/lib/hosting-config.ts';

const NGINX_CONFIG_FILE = join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf');

writeFileSync(NGINX_CONFIG_FILE, nginxServerBlock());
console.log(`已写入 ${NGINX_CONFIG_FILE}`);
