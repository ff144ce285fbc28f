// Types for report.mjs (test/vm phase 1): hardening-variant rows and their Markdown table.
export interface Variant { name: string; driver: string; expect: 'ok' | 'fail' | '?'; round: string; set: 'core' | 'full'; directives: string[] }
export interface VariantRow extends Variant {
  result: string; exitCode: string; exitStatus: string; delivered: boolean; exposure: number | null;
  rating: string; postfixParams: string; evidence: string; outcome: 'ok' | 'fail';
}
export function parseVariants(tsv: string): Variant[];
export function parseExposure(text: string): Record<string, { exposure: number; rating: string }>;
export function collectRows(variants: Variant[], results: Record<string, Buffer>): VariantRow[];
export function renderMarkdown(rows: VariantRow[]): string;
