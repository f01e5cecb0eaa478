/**
 * Copy buttons for citations and embed snippets. The page shows each citation
 * with a placeholder access date; copying fills in today's date where the
 * reader is and the full address (the page's own origin when the site was
 * built without SITE_URL). Without JavaScript the buttons stay hidden and
 * the text can be selected by hand.
 */
import { citation, localIsoDate, type CitationSource } from '../lib/citation.ts';
import { embedSnippet } from '../lib/embed.ts';

async function copyText(text: string, fallback: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http): select the text so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(fallback);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand('copy');
  }
}

const fullAddress = (url: string) => new URL(url, window.location.href).href;

function enableCitation(block: HTMLElement): void {
  const parts = JSON.parse(block.dataset.citation ?? '{}') as Omit<CitationSource, 'url'>;
  const url = fullAddress(block.dataset.url ?? window.location.href);
  const status = block.querySelector<HTMLElement>('.cite-status');
  for (const button of block.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const today = citation({ ...parts, url }, localIsoDate(new Date()));
      const form = button.dataset.copy === 'plain' ? 'plain' : 'gbt';
      const target = block.querySelector<HTMLElement>(`.cite-${form}`)!;
      block.querySelector('.cite-gbt')!.textContent = today.gbt;
      block.querySelector('.cite-plain')!.textContent = today.plain;
      const copied = await copyText(today[form], target);
      if (status) status.textContent = copied ? '已复制' : '请按 Ctrl+C 复制已选中的文字';
    });
  }
  block.querySelector<HTMLElement>('.cite-actions')!.hidden = false;
}

function enableSnippet(block: HTMLElement): void {
  const field = block.querySelector('textarea');
  if (!field) return;
  field.value = embedSnippet({ url: fullAddress(block.dataset.url!), title: block.dataset.title ?? '' });
  const status = block.querySelector<HTMLElement>('.cite-status');
  block.querySelector('button[data-copy-snippet]')?.addEventListener('click', async () => {
    field.select();
    const copied = await copyText(field.value, field);
    if (status) status.textContent = copied ? '已复制' : '请按 Ctrl+C 复制已选中的代码';
  });
  block.querySelector<HTMLElement>('.cite-actions')!.hidden = false;
}

export function enableCopying(): void {
  for (const block of document.querySelectorAll<HTMLElement>('[data-citation]:not([data-copy-ready])')) {
    block.dataset.copyReady = 'true';
    enableCitation(block);
  }
  for (const block of document.querySelectorAll<HTMLElement>('[data-embed-snippet]:not([data-copy-ready])')) {
    block.dataset.copyReady = 'true';
    enableSnippet(block);
  }
}
