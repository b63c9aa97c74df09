import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroll box. It is a named Tab stop so that a keyboard user can scroll it with the
 * arrow keys (WCAG 2.1.1): a figures table has no control inside it to carry the focus there.
 */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="console-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
