import type { APIRoute } from 'astro';
import { publishedBriefings, publishedPolicies } from '../data/site-content.ts';
import { atomFeed } from '../lib/atom-feed.ts';
import { SITE_NAME } from '../lib/site.ts';
import { policySortDate } from '../schemas/policies.ts';
import { routes, SITE_ADDRESS } from '../lib/routes.ts';

/** Entries in the feed: readers poll it, so it carries what is new, not the archive. */
const FEED_ENTRIES = 50;

/** Atom feed of the newest published briefings and policies. */
export const GET: APIRoute = async () => {
  const [briefings, policies] = await Promise.all([publishedBriefings(), publishedPolicies()]);
  const body = atomFeed({
    title: SITE_NAME,
    address: SITE_ADDRESS,
    limit: FEED_ENTRIES,
    entries: [
      ...briefings.map((b) => ({
        path: routes.briefing(b.id),
        title: b.data.title,
        date: b.data.date,
        category: '工作简报',
        summary: `${b.data.issuer}编印`,
      })),
      ...policies.map((p) => ({
        path: routes.policy(p.id),
        title: p.data.title,
        date: policySortDate(p.data),
        category: '政策文件',
        summary: [p.data.docNumber, p.data.issuer.join('、')].filter(Boolean).join('，'),
      })),
    ],
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
