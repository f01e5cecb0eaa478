/**
 * Embedding a chart in another site's article: the embed page posts its
 * height to the page that frames it, and the snippet a journalist copies
 * holds the iframe plus the few lines that apply that height.
 */

/** The `type` of the message an embed page posts to its parent. */
export const EMBED_HEIGHT_MESSAGE = 'yshj-embed-height';

export interface EmbedHeightMessage {
  type: typeof EMBED_HEIGHT_MESSAGE;
  /** The embed page's address, so a parent with several embeds knows which one. */
  url: string;
  height: number;
}

/** Whether a message received by the parent page is an embed's height report. */
export function isEmbedHeightMessage(data: unknown): data is EmbedHeightMessage {
  const d = data as Partial<EmbedHeightMessage> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    d.type === EMBED_HEIGHT_MESSAGE &&
    typeof d.url === 'string' &&
    typeof d.height === 'number' &&
    d.height > 0
  );
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The HTML to paste into an article: an iframe of the embed page at `url`
 * (its full address), and a listener that sets the iframe's height from the
 * embed's messages, accepting them only from the site's own origin.
 */
export function embedSnippet(input: { url: string; title: string; height?: number }): string {
  const { origin } = new URL(input.url);
  return [
    `<iframe src="${attribute(input.url)}" title="${attribute(input.title)}" width="100%" height="${input.height ?? 560}" style="border:0;max-width:100%" loading="lazy" data-yshj-embed></iframe>`,
    `<script>window.addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(origin)}||!d||d.type!==${JSON.stringify(EMBED_HEIGHT_MESSAGE)})return;` +
      `document.querySelectorAll("iframe[data-yshj-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+"px";});});</script>`,
  ].join('\n');
}
