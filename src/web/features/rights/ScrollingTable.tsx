import type { ReactNode } from 'react';

/**
 * A table that may be wider than the page, in a region the keyboard can reach and scroll, named
 * by its caption (WCAG 2.1.1; axe "scrollable-region-focusable"): the rights desk's tables hold
 * long texts (the route's rule, the data of an answer).
 */
export function ScrollingTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to be scrolled by keyboard
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        {children}
      </table>
    </section>
  );
}
