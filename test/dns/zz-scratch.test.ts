import { test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { loadConfigFile } from '../../src/config/load.js';
import { buildRecordModel } from '../../src/dns/records.js';
import { runCli } from '../helpers/cli.js';
import { recordsFromModel, startDnsServer } from '../helpers/dns-server.js';
test('scratch', async () => {
  const example = path.resolve(import.meta.dirname, '../../relay.config.yaml');
  const model = (await loadConfigFile(example)).model!;
  const recs = recordsFromModel(buildRecordModel(model));
  const server = await startDnsServer({ records: [...recs.filter(r => !(r.type==='PTR')), {name:'_spf.mx.cloudflare.net', type:'TXT', strings:['v=spf1 include:a.cf.example include:gone.cf.example mx ptr exists:%{i}.x.example ~all']}, {name:'a.cf.example', type:'TXT', strings:['v=spf1 ip4:1.2.3.4 ip6 -all']}] });
  for (const fmt of ['text','github']) {
    const run = await runCli(['check-dns', example, '--resolver', server.address, '--timeout', '300', '--format', fmt]);
    console.log(run.code, run.stdout, run.stderr);
  }
  await server.close();
});
