// queue-not-in-tmp: the relay's disk queue is not under /tmp, /var/tmp or a tmpfs that is wiped at reboot.
import path from 'node:path';
import { createRule } from './types.js';

/** PrivateTmp=true gives the unit its own /tmp and /var/tmp, removed when the service stops (systemd.exec(5)). */
const PRIVATE_TMP = ['/tmp', '/var/tmp'];
/** tmpfs mounts: emptied at every boot (and /dev/shm is private under PrivateDevices=true). */
const VOLATILE = ['/run', '/dev/shm'];

const under = (dir: string, root: string) => dir === root || dir.startsWith(`${root}/`);

export default createRule({
  id: 'queue-not-in-tmp',
  defaultSeverity: 'error',
  docs: {
    summary: 'The queue root is not under /tmp or /var/tmp (PrivateTmp would hide and wipe it), nor on a tmpfs',
    rationale:
      'The self-hosted HTTP relay build guide, step 7 creates "real queue directories" under /var/spool/<name>, so "a brief Postfix or network problem does ' +
      'not drop transaction messages", and step 8 runs the relay with PrivateTmp=true. PrivateTmp gives the service its own ' +
      '/tmp and /var/tmp, invisible from the host and deleted when the service stops: a queue there vanishes on every ' +
      'restart, and an operator following the rollback steps ("inspect pending / processing") finds it empty. /run and ' +
      '/dev/shm are tmpfs and lose every pending job at reboot.',
    source: 'the self-hosted HTTP relay build guide, steps 7 and 8',
    fix: 'Set relay.queue.root to /var/spool/<name> (the default).',
    examples: {
      invalid: [{ description: 'A queue under /tmp', config: 'relay:\n  queue: { root: /tmp/acme-relay }\n' }],
      valid: [{ description: 'The self-hosted HTTP relay build guide\'s location', config: 'relay:\n  queue: { root: /var/spool/acme-relay }\n' }],
    },
  },
  messages: {
    privateTmp: 'Queue root {{root}} is under {{base}}: PrivateTmp gives the service its own {{base}}, deleted when it stops, so queued mail is lost on restart',
    volatile: 'Queue root {{root}} is under {{base}}, a tmpfs: every pending job is lost at reboot',
  },
  check({ model, report }) {
    const root = path.posix.normalize(model.relay.queue.root).replace(/\/+$/, '') || '/';
    const at = ['relay', 'queue', 'root'];
    const tmp = PRIVATE_TMP.find((base) => under(root, base));
    if (tmp) {
      report({ messageId: 'privateTmp', path: at, data: { root: model.relay.queue.root, base: tmp } });
      return;
    }
    const tmpfs = VOLATILE.find((base) => under(root, base));
    if (tmpfs) report({ messageId: 'volatile', path: at, data: { root: model.relay.queue.root, base: tmpfs } });
  },
});
