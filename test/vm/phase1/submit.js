// Guest-side driver run by each test unit (test/vm phase 1): warms up V8's JIT, then submits one message with sendmail like the relay does.
// The relay (seed 02) hands mail to Postfix by spawning `/usr/sbin/sendmail -t -oi -f SENDER`,
// so this runs the same way under the unit's hardening. Exit code = sendmail's (99: spawn failed).
'use strict';
const { spawn } = require('node:child_process');

const name = process.argv[2] || 'unnamed';

// A hot loop makes V8 tier up to optimized machine code, as a long-running relay does; with
// MemoryDenyWriteExecute this is where a JIT would fault.
let acc = 0;
for (let i = 0; i < 1e6; i++) acc = (acc + Math.imul(i, 2654435761)) | 0;
console.log(`jit-warmup done acc=${acc}`);

const msg = [
  'From: x@example.com',
  'To: sink@example.net',
  `Subject: vmtest ${name}`,
  `Message-ID: <vmtest-${name}@relayvm.example.test>`,
  '',
  `hardening variant ${name}`,
  '',
].join('\r\n');

const child = spawn('/usr/sbin/sendmail', ['-t', '-oi', '-f', 'x@example.com'], { stdio: ['pipe', 'pipe', 'pipe'] });
// Output is echoed as it comes: when a directive makes postdrop retry forever, the unit is
// killed at its timeout and only what was already printed reaches the journal.
let out = '';
const echo = (/** @type {Buffer} */ d) => { out += d; process.stdout.write(`sendmail said: ${d}`); };
child.stdout.on('data', echo);
child.stderr.on('data', echo);
child.on('error', (e) => { console.log(`sendmail spawn error: ${e.message}`); process.exit(99); });
child.on('close', (code, signal) => {
  console.log(`sendmail exit=${code} signal=${signal} output=${JSON.stringify(out.trim())}`);
  process.exit(code === null ? 98 : code);
});
// postdrop retries for ever when it cannot write maildrop (e.g. read-only or no postdrop group):
// call that "hung" after 10 s of sendmail alone instead of waiting for the unit's timeout.
const hung = setTimeout(() => { console.log('sendmail hung: killed after 10 s'); child.kill('SIGKILL'); }, 10_000);
child.on('close', () => clearTimeout(hung));
child.stdin.end(msg);
