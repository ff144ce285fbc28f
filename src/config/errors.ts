// The config loader's one fatal error, kept apart from the loader so the CLI's entry can test for
// it without loading the YAML parser and the schema validator.

/** The file cannot be read at all: exit code 2, not a finding. */
export class ConfigReadError extends Error {}
