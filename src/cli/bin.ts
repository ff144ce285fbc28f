#!/usr/bin/env node
// The executable: runs main() (every command) as the process.
import { main } from './main.js';
import { runAsProcess } from './process-io.js';

runAsProcess(main);
