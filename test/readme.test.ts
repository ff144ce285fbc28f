// The README's deployment steps are the generated APPLY.md's, for the root relay.config.yaml.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfigFile } from '../src/config/load.js';
import { compile } from '../src/outputs/compile.js';
import { rules } from '../src/rules/index.js';
import { dnsRules } from '../src/dns/check/rules.js';
import { LOADER_RULES } from '../src/cli/rule-meta.js';

const REPO = path.resolve(import.meta.dirname, '..');

const steps = (markdown: string) => [...markdown.matchAll(/```sh step=(\S+)\n([\s\S]*?)```/g)].map((m) => ({ step: m[1], body: m[2] }));

test('README "Deploying" shows exactly the APPLY.md steps of the root config', async () => {
  const loaded = await loadConfigFile(undefined, REPO);
  const apply = compile(loaded.model!).find((f) => f.path === 'APPLY.md')!.content;
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const region = /<!-- apply:begin -->\n([\s\S]*?)<!-- apply:end -->/.exec(readme)?.[1] ?? '';
  expect(steps(apply).map((s) => s.step)).toEqual(['packages', 'dns', 'first-time', 'copy', 'install', 'secrets', 'apply', 'verify']);
  expect(steps(region), 'README is stale: copy the sh step blocks of out/APPLY.md into it').toEqual(steps(apply));
});

test('the README starts with the two commands a new machine runs', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  expect(readme.split('\n').slice(2, 6).join('\n')).toBe(
    '```sh\nnpm ci && npx relayconf build     # install, then compile ./relay.config.yaml into out/\nnpm test                          # the test suite (CI runs this same command)\n```',
  );
  expect(readFileSync(path.join(REPO, '.ci/run'), 'utf8')).toContain('\nnpm test\n');
});

test('the README counts the rules `relayconf rules` lists', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const claim = /against (\d+) policy rules .*?, after (\d+) checks of the file itself .*?`relayconf rules` lists all (\d+), and the (\d+) findings of `check-dns`\)/.exec(readme);
  expect(claim?.slice(1).map(Number)).toEqual([rules.length, LOADER_RULES.length, rules.length + LOADER_RULES.length, dnsRules.length]);
});

test('every curl example of "The API" is a request the root config\'s openapi.json accepts', async () => {
  const { openApiDocument } = await import('../src/outputs/openapi.js');
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const loaded = await loadConfigFile(undefined, REPO);
  const ajv = new (Ajv2020 as any)({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(openApiDocument(loaded.model!), 'openapi.json');
  const check = ajv.getSchema('openapi.json#/components/schemas/SendRequest');
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The API: POST /send'), readme.indexOf('### sendmail exit status'));
  const bodies = [...section.matchAll(/-d '([^']+)'/g)].map((m) => JSON.parse(m[1]));
  expect(bodies.length).toBe(5);
  for (const body of bodies) expect(check(body), JSON.stringify(check.errors)).toBe(true);
  expect(Object.keys(bodies[1]).filter((k) => k === 'cc' || k === 'bcc')).toEqual(['cc', 'bcc']);
  expect(bodies.some((b) => b.attachments) && bodies.some((b) => b.headers)).toBe(true);
});
