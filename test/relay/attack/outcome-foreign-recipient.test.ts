// Attack review: a delivery line whose queue id matches a relay job but whose recipient is none of that
// job's. Postfix reuses short queue ids (inode and microseconds, postconf(5) enable_long_queue_ids = no),
// and a record whose final line was missed (follower down) stays matched for the 7-day retention; the
// store also holds lines for queue ids it does not know yet and applies them at the hand-off. Either way a
// hard bounce of some other message's recipient was recorded in this job's history and put that address
// on the suppression list, so POST /send to it answered 422 recipient_suppressed.
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeFs } from '../../../src/relay/fsops.js';
import { newJobId } from '../../../src/relay/job.js';
import { jobState, OutcomeStore } from '../../../src/relay/outcomes.js';
import { parseDeliveryMessage, type DeliveryLine } from '../../../src/relay/postfix-log.js';
import { tempDir } from '../../helpers/tmp.js';

const QUEUE_ID = 'B84A9258892';
const line = (to: string): DeliveryLine =>
  parseDeliveryMessage(
    'postfix/smtp',
    `${QUEUE_ID}: to=<${to}>, relay=127.0.0.1[127.0.0.1]:25, delay=0.2, delays=0.09/0/0.1/0, dsn=5.1.1, status=bounced (host 127.0.0.1[127.0.0.1] said: 550 5.1.1 <${to}>: no such user (in reply to RCPT TO command))`,
  )!;

async function store(dir: string, bounces: string[]) {
  const opened = new OutcomeStore({
    fs: nodeFs,
    dir: path.join(dir, 'outcomes'),
    onBounce: async (recipient) => void bounces.push(recipient),
    onError: (reason) => {
      throw new Error(reason);
    },
  });
  await opened.openStore();
  return opened;
}

test("a bounce for another message's recipient under this job's queue id is not recorded and suppresses nobody", async () => {
  const bounces: string[] = [];
  const outcomes = await store(tempDir('attack-foreign-'), bounces);
  const id = newJobId();
  await outcomes.handedOff(id, QUEUE_ID, ['Alice@Example.org'], `250 2.0.0 Ok: queued as ${QUEUE_ID}`);
  await outcomes.record(line('ceo@victim.example'), new Date());
  const record = (await outcomes.read(id))!;
  expect(record.events.map((e) => e.state)).toEqual(['handed_off']);
  expect(jobState(record)).toBe('handed_off');
  expect(bounces).toEqual([]);
  // The job's own recipient (Postfix may log it in another case) still counts.
  await outcomes.record(line('alice@example.org'), new Date());
  expect((await outcomes.read(id))!.events.map((e) => `${e.state} ${e.recipient ?? '-'}`)).toEqual(['handed_off -', 'bounced alice@example.org']);
  expect(bounces).toEqual(['alice@example.org']);
});

test('a foreign bounce read before the hand-off (held as an early line) is dropped at the hand-off', async () => {
  const bounces: string[] = [];
  const outcomes = await store(tempDir('attack-foreign-'), bounces);
  await outcomes.record(line('ceo@victim.example'), new Date());
  const id = newJobId();
  await outcomes.handedOff(id, QUEUE_ID, ['alice@example.org'], `250 2.0.0 Ok: queued as ${QUEUE_ID}`);
  expect((await outcomes.read(id))!.events.map((e) => e.state)).toEqual(['handed_off']);
  expect(bounces).toEqual([]);
});
