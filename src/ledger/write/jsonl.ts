/**
 * JSON Lines: one LedgerRow (or unit view) per line, for feeding other systems.
 *
 * @param items - Anything JSON-serialisable, e.g. rows from {@link toLedger} or units from {@link byUnit}.
 * @returns One `JSON.stringify`d item per line, each ending with `\n`; empty for no items.
 */
export function toJsonl(items: readonly unknown[]): string {
  return items.map((r) => JSON.stringify(r)).join('\n') + (items.length ? '\n' : '');
}
