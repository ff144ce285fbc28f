// Test helper: a normalized model from the docs base config with a YAML fragment merged in.
import path from 'node:path';
import { loadConfigText } from '../../src/config/load.js';
import type { RelayModel } from '../../src/config/model.js';
import { fixtureDir, mergeConfig } from '../helpers/rule-tester.js';

/** The model of test/helpers/base-config.yaml + `fragment` (see mergeConfig); throws on schema errors. */
export function modelFrom(fragment = ''): RelayModel {
  const loaded = loadConfigText(mergeConfig(fragment), { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml') });
  if (!loaded.model) throw new Error(`config does not load: ${loaded.findings.map((f) => f.message).join('; ')}`);
  return loaded.model;
}

/** `key = value` lines of a main.cf as a map (comments and blank lines skipped). */
export function mainCfParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z0-9_]+) =(?: (.*))?$/.exec(line);
    if (match) params.set(match[1], match[2] ?? '');
  }
  return params;
}
