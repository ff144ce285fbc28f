// `relayconf check-dns`: placeholder until its issue lands; exits 2 so scripts cannot mistake it for success.
import type { Command } from '../types.js';
import { EXIT } from '../types.js';

const command: Command = {
  name: 'check-dns',
  summary: 'not implemented yet',
  help: 'Usage: relayconf check-dns [config]\n\nNot implemented yet.\n',
  async run(_args, io) {
    io.stderr.write('relayconf check-dns: not implemented yet\n');
    return EXIT.usage;
  },
};
export default command;
