// Byte-order string comparison: output order must not depend on the machine's locale (ICU collation).

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
