/**
 * On an embed page inside another site's iframe: posts the content's height to
 * the framing page whenever it changes (the chart drawn, the table opened, the
 * frame resized), so the snippet's listener can size the iframe to fit.
 */
import { EMBED_HEIGHT_MESSAGE, type EmbedHeightMessage } from '../lib/embed.ts';

export function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: EMBED_HEIGHT_MESSAGE, url: window.location.href, height };
    // The height is no secret: any page may frame an embed, so any may hear it.
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  document.addEventListener('toggle', post, true);
  post();
}
