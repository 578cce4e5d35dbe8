/** JSON Lines: one LedgerRow (or unit view) per line, for feeding other systems. */
export function toJsonl(items: readonly unknown[]): string {
  return items.map((r) => JSON.stringify(r)).join('\n') + (items.length ? '\n' : '');
}
