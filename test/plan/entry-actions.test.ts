// Tests the plan's server actions for the entry gateway files (nginx site, cloudflared config).
import { expect, test } from 'vitest';
import { actionsFor } from '../../src/plan/actions.js';
import type { FileChange } from '../../src/plan/compare.js';

const change = (path: string, kind: FileChange['kind']): FileChange => ({ path, kind, contentChanged: true, oldMode: 0o644, newMode: 0o644, diff: '' });
const commands = (changes: FileChange[]) => actionsFor(changes, [], 'acme-relay').map((a) => [a.command, a.shell]);

test('a changed or added nginx site is tested and reloaded; cloudflared is restarted', () => {
  expect(commands([change('etc/nginx/sites-available/acme-relay.conf', 'changed'), change('etc/cloudflared/config.yml', 'added')])).toEqual([
    ['nginx -t && systemctl reload nginx', true],
    ['systemctl restart cloudflared', true],
  ]);
});

test('a removed nginx site loses its sites-enabled link before nginx reloads without it', () => {
  expect(commands([change('etc/nginx/sites-available/acme-relay.conf', 'removed')])).toEqual([
    ['rm -f /etc/nginx/sites-available/acme-relay.conf', true],
    ['rm -f /etc/nginx/sites-enabled/acme-relay.conf', true],
    ['nginx -t && systemctl reload nginx', true],
  ]);
});
