// Unit tests of the re-validation of jobs read from disk (src/relay/job-check.ts) and of the untrusted
// file reader (src/relay/fsops.ts readUntrusted): what the HTTP path refuses is refused here too, with
// reasons that quote nothing from the file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { relayData } from '../../src/outputs/relay-server.js';
import { nodeFs, UntrustedFileError } from '../../src/relay/fsops.js';
import { InvalidJob, recheckJob } from '../../src/relay/job-check.js';
import { newJob, type Job } from '../../src/relay/job.js';
import { tempDir } from '../helpers/tmp.js';
import { loadModel } from './helpers/relay-process.js';

const data = relayData(loadModel());
const job = (overrides: Partial<Job> = {}): Job => ({
  ...newJob({
    from: { address: 'support@example.com', name: 'Example Support' },
    to: ['alice@example.org'],
    replyTo: null,
    subject: 'hello',
    text: 'body',
    html: null,
    returnPath: 'bounces@example.com',
  }),
  ...overrides,
});
const reasonOf = (value: Job) => {
  try {
    recheckJob(value, data);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidJob);
    return (error as Error).message;
  }
};

describe('recheckJob', () => {
  test('a job the relay wrote passes unchanged; extra keys are dropped, the return path follows the config', () => {
    const original = job();
    expect(recheckJob(original, data)).toEqual(original);
    const edited = { ...job({ returnPath: 'attacker@evil.example' }), extra: 'x' } as Job;
    const checked = recheckJob(edited, data);
    expect(checked.returnPath).toBe('bounces@example.com');
    expect(Object.keys(checked)).not.toContain('extra');
  });

  test.each<[string, Partial<Job>, string]>([
    ['newline in a recipient', { to: ['a@example.org\nBcc: m@evil.example'] }, 'invalid job: header_injection at to[0]'],
    ['too many recipients', { to: ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org'] }, 'invalid job: too_many_recipients at to'],
    ['sender off the allowlist', { from: { address: 'ceo@example.com', name: null } }, 'invalid job: sender_not_allowed at from.email'],
    ['control character in the subject', { subject: 'a\u0007b' }, 'invalid job: control_character at subject'],
    ['no body', { text: null, html: null }, 'invalid job: no_body at text'],
    ['acceptedAt not a time', { acceptedAt: 'yesterday' }, 'invalid job: bad acceptedAt'],
    ['acceptedAt on a day that does not exist', { acceptedAt: '2026-02-30T10:00:00.000Z' }, 'invalid job: bad acceptedAt'],
    ['a foreign Message-ID', { messageId: '<x@evil.example>' }, 'invalid job: bad messageId'],
    ['an id of another shape', { id: '../../etc/passwd' }, 'invalid job: bad id'],
    ['negative attempts', { attempts: -1 }, 'invalid job: bad attempts'],
  ])('%s -> %s', (_what, overrides, reason) => {
    expect(reasonOf(job(overrides))).toBe(reason);
  });
});

describe('readUntrusted', () => {
  const dir = tempDir('relay-untrusted-');
  mkdirSync(path.join(dir, 'q'));
  const file = (name: string) => path.join(dir, 'q', name);
  const refusal = async (name: string, max = 1024) => {
    const error = await nodeFs.readUntrusted(file(name), max).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UntrustedFileError);
    return (error as Error).message;
  };

  test('a regular file under the cap is read whole', async () => {
    writeFileSync(file('ok.json'), 'x'.repeat(1024));
    expect((await nodeFs.readUntrusted(file('ok.json'), 1024)).toString()).toBe('x'.repeat(1024));
  });

  test('a symlink, a FIFO, a directory and a file over the cap are refused without reading', async () => {
    writeFileSync(path.join(dir, 'target'), 'secret');
    symlinkSync(path.join(dir, 'target'), file('link.json'));
    execFileSync('mkfifo', [file('fifo.json')]);
    mkdirSync(file('dir.json'));
    writeFileSync(file('big.json'), 'x'.repeat(1025));
    expect(await refusal('link.json')).toBe('a symbolic link');
    expect(await refusal('fifo.json')).toBe('not a regular file');
    expect(await refusal('dir.json')).toBe('not a regular file');
    expect(await refusal('big.json')).toBe('larger than 1024 bytes');
  });
});

describe('recheckJob: the new message fields are re-validated like a request', () => {
  const pdf = { filename: 'a.pdf', contentType: 'application/pdf', content: 'QUJD' };
  test('a job with cc, bcc, an attachment and headers passes unchanged', () => {
    const original = job({ cc: ['c@example.org'], bcc: ['b@example.org'], attachments: [pdf], headers: [{ name: 'X-Entity-Ref-ID', value: 'r1' }] });
    expect(recheckJob(original, data)).toEqual(original);
  });
  test.each<[string, Record<string, unknown>, string]>([
    ['a bcc edited to break a header line', { bcc: ['b@example.org\nX: y'] }, 'invalid job: header_injection at bcc[0]'],
    ['an executable attachment', { attachments: [{ ...pdf, filename: 'a.exe' }] }, 'invalid job: executable_attachment at attachments[0].filename'],
    ['content that is not base64', { attachments: [{ ...pdf, content: '***' }] }, 'invalid job: invalid_base64 at attachments[0].content'],
    ['a header off the allowlist', { headers: [{ name: 'Bcc', value: 'x@evil.example' }] }, 'invalid job: header_not_allowed at headers.Bcc'],
    ['a header stored twice', { headers: [{ name: 'X-Entity-Ref-ID', value: 'a' }, { name: 'X-Entity-Ref-ID', value: 'b' }] }, 'invalid job: invalid_type at headers'],
    ['a header list of the wrong shape', { headers: [{ name: 'X-Entity-Ref-ID' }] }, 'invalid job: invalid_type at headers'],
    ['recipients over the cap through bcc', { bcc: ['b1@example.org', 'b2@example.org', 'b3@example.org'] }, 'invalid job: too_many_recipients at to'],
  ])('%s -> %s', (_what, overrides, reason) => {
    expect(reasonOf(job(overrides as Partial<Job>))).toBe(reason);
  });
});
