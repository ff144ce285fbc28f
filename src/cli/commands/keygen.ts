// `relayconf keygen`: placeholder until its issue lands; exits 2 so scripts cannot mistake it for success.
import type { Command } from '../types.js';
import { EXIT } from '../types.js';

const command: Command = {
  name: 'keygen',
  summary: 'not implemented yet',
  help: 'Usage: relayconf keygen [config]\n\nNot implemented yet.\n',
  async run(_args, io) {
    io.stderr.write('relayconf keygen: not implemented yet\n');
    return EXIT.usage;
  },
};
export default command;
