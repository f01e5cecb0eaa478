/**
 * Sätteri hast plugin giving every heading its stable anchor (see
 * lib/anchors.ts). It runs before Astro's own heading-id plugin, which keeps
 * an id that is already set, so the table of contents uses the same anchors.
 */
import { headingAnchors, type HeadingInput } from '../lib/content/anchors.ts';

interface HeadingNode {
  tagName: string;
}
interface VisitContext {
  textContent(node: HeadingNode): string;
  setProperty(node: HeadingNode, name: string, value: string): void;
}

export function headingAnchorsPlugin() {
  return () => {
    const seen: HeadingInput[] = [];
    return {
      name: 'stable-heading-anchors',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node: HeadingNode, ctx: VisitContext) {
          seen.push({ depth: Number(node.tagName.slice(1)), text: ctx.textContent(node) });
          ctx.setProperty(node, 'id', headingAnchors(seen).at(-1)!);
        },
      },
    };
  };
}
