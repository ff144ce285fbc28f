// `relayconf build`: placeholder until its issue lands; exits 2 so scripts cannot mistake it for success.
import type { Command } from '../types.js';
import { EXIT } from '../types.js';

const command: Command = {
  name: 'build',
  summary: 'not implemented yet',
  help: 'Usage: relayconf build [config]\n\nNot implemented yet.\n',
  async run(_args, io) {
    io.stderr.write('relayconf build: not implemented yet\n');
    return EXIT.usage;
  },
};
export default command;
