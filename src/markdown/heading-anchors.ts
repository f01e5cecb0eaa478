/**
 * Sätteri hast plugin giving every heading its stable anchor (see
 * lib/content/anchors.ts). It runs before Astro's own heading-id plugin, which
 * keeps an id that is already set, so the table of contents uses the same
 * anchors. A heading whose anchor was once Chinese words also holds an empty
 * element with that former id, so links to it still land on the heading.
 */
import { headingAnchorSequence } from '../lib/content/anchors.ts';

interface HeadingNode {
  tagName: string;
}
interface VisitContext {
  textContent(node: HeadingNode): string;
  setProperty(node: HeadingNode, name: string, value: string): void;
  prependChild(node: HeadingNode, child: { type: 'element'; tagName: string; properties: Record<string, string>; children: [] }): void;
}

export function headingAnchorsPlugin() {
  return () => {
    // One sequence per document: each heading is anchored once, in order, not the whole list again for every heading.
    const anchorOf = headingAnchorSequence();
    return {
      name: 'stable-heading-anchors',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node: HeadingNode, ctx: VisitContext) {
          const { anchor, alias } = anchorOf({ depth: Number(node.tagName.slice(1)), text: ctx.textContent(node) });
          ctx.setProperty(node, 'id', anchor);
          if (alias)
            ctx.prependChild(node, {
              type: 'element',
              tagName: 'span',
              properties: { id: alias, className: 'anchor-alias' },
              children: [],
            });
        },
      },
    };
  };
}
