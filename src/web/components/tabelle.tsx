import type { ReactNode } from 'react';

/**
 * A table that can be wider than a phone screen: it scrolls sideways inside its own region instead of widening the
 * page. The region can take the keyboard focus (arrow keys scroll it) and is named after the table (WCAG 2.1.1,
 * axe "scrollable-region-focusable"); `.table-wrap` also clips visually hidden cell texts that would otherwise stick
 * out of it and stretch the page.
 */
export function TabellenBereich(p: { label: string; children: ReactNode }) {
  return (
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-label={p.label}>
      {p.children}
    </section>
  );
}
