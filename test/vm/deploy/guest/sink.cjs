// Guest-side SMTP sink of the deploy VM test (test/vm/deploy): Postfix's next hop (the test overlay), keeping each message byte for byte.
// Plain Node 18, no npm (the guest has none). Listens on HOST:PORT and writes every message it is
// given as DIR/NNNN.eml (the DATA bytes, CRLF line ends and all, dot-unstuffed) plus DIR/NNNN.json
// (envelope, client, arrival time), each written to a dot-file first and renamed, so a reader never
// sees half a message. No STARTTLS is offered: Postfix's generated `smtp_tls_security_level = may`
// then sends in plain text, as to any MX that offers none. It answers 250 to everything well formed;
// it is a recipient, not a judge (the host judges the bytes with mailauth).
// Usage: node sink.cjs HOST PORT DIR
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const [host, portText, dir] = process.argv.slice(2);
if (!host || !portText || !dir) {
  process.stderr.write('usage: node sink.cjs HOST PORT DIR\n');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
let seq = 0;

/** Dot-unstuffing (RFC 5321 4.5.2): a line that starts with "." lost one leading dot in transit. */
function unstuff(/** @type {Buffer} */ data) {
  return Buffer.from(data.toString('latin1').replace(/^\./gm, ''), 'latin1');
}

function save(/** @type {Buffer} */ message, /** @type {object} */ meta) {
  const name = String(++seq).padStart(4, '0');
  fs.writeFileSync(path.join(dir, `.${name}.eml`), message);
  fs.renameSync(path.join(dir, `.${name}.eml`), path.join(dir, `${name}.eml`));
  fs.writeFileSync(path.join(dir, `.${name}.json`), `${JSON.stringify(meta)}\n`);
  fs.renameSync(path.join(dir, `.${name}.json`), path.join(dir, `${name}.json`));
  return name;
}

const server = net.createServer((socket) => {
  /** @type {Buffer} */
  let buf = Buffer.alloc(0);
  let inData = false;
  let helo = null;
  /** @type {string | null} */
  let mailFrom = null;
  /** @type {string[]} */
  let rcptTo = [];
  const reply = (/** @type {string} */ line) => socket.write(`${line}\r\n`);
  const reset = () => { mailFrom = null; rcptTo = []; };

  function command(/** @type {string} */ line) {
    const verb = line.slice(0, 4).toUpperCase();
    if (verb === 'EHLO') {
      helo = line.slice(5).trim();
      reset();
      socket.write('250-sink.vmtest\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 ENHANCEDSTATUSCODES\r\n');
    } else if (verb === 'HELO') {
      helo = line.slice(5).trim();
      reset();
      reply('250 sink.vmtest');
    } else if (verb === 'MAIL') {
      const m = /^MAIL FROM:\s*<([^>]*)>/i.exec(line);
      if (!m) return reply('501 5.5.4 syntax: MAIL FROM:<address>');
      mailFrom = m[1];
      rcptTo = [];
      reply('250 2.1.0 Ok');
    } else if (verb === 'RCPT') {
      const m = /^RCPT TO:\s*<([^>]*)>/i.exec(line);
      if (!m) return reply('501 5.5.4 syntax: RCPT TO:<address>');
      if (mailFrom === null) return reply('503 5.5.1 MAIL first');
      rcptTo.push(m[1]);
      reply('250 2.1.5 Ok');
    } else if (verb === 'DATA') {
      if (mailFrom === null || rcptTo.length === 0) return reply('503 5.5.1 MAIL and RCPT first');
      inData = true;
      reply('354 End data with <CR><LF>.<CR><LF>');
    } else if (verb === 'RSET') {
      reset();
      reply('250 2.0.0 Ok');
    } else if (verb === 'NOOP') {
      reply('250 2.0.0 Ok');
    } else if (verb === 'QUIT') {
      reply('221 2.0.0 Bye');
      socket.end();
    } else {
      reply('502 5.5.2 command not implemented');
    }
  }

  function drain() {
    for (;;) {
      if (inData) {
        // The message ends at CRLF.CRLF; an empty message is just ".CRLF".
        const end = buf.subarray(0, 3).toString('latin1') === '.\r\n' ? -2 : buf.indexOf('\r\n.\r\n');
        if (end === -1) return;
        const data = end === -2 ? Buffer.alloc(0) : buf.subarray(0, end + 2);
        buf = buf.subarray(end === -2 ? 3 : end + 5);
        inData = false;
        const name = save(unstuff(data), {
          mailFrom, rcptTo, helo, client: `${socket.remoteAddress}:${socket.remotePort}`, receivedAt: Date.now(),
        });
        reset();
        reply(`250 2.0.0 Ok: queued as ${name}`);
        continue;
      }
      const nl = buf.indexOf('\r\n');
      if (nl === -1) return;
      const line = buf.subarray(0, nl).toString('utf8');
      buf = buf.subarray(nl + 2);
      command(line);
    }
  }

  socket.on('data', (chunk) => { buf = Buffer.concat([buf, chunk]); drain(); });
  socket.on('error', () => socket.destroy());
  reply('220 sink.vmtest ESMTP relayconf deploy test sink');
});

server.listen(Number(portText), host, () => {
  process.stdout.write(`sink listening on ${host}:${portText}, writing to ${dir}\n`);
});
