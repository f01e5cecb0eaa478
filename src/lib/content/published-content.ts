/**
 * The content the public site shows: draft documents left out, and with them
 * every row that cites one (a draft briefing's progress figures and ranking
 * tiers, a draft policy's task lists, targets and assignments). Such rows are
 * validated like any other and are published with their document when its
 * `draft: true` line is removed. Pure.
 */
import type { ContentModel } from './content-model.ts';

export function publishedContent(model: ContentModel): ContentModel {
  const draftPolicies = new Set(model.policies.filter((p) => p.data.draft).map((p) => p.id));
  const draftBriefings = new Set(model.briefings.filter((b) => b.data.draft).map((b) => b.id));
  if (draftPolicies.size === 0 && draftBriefings.size === 0) return model;
  const ofPublishedPolicy = <T extends { data: { policy: string } }>(rows: T[]) => rows.filter((r) => !draftPolicies.has(r.data.policy));
  const ofPublishedBriefing = <T extends { data: { briefing: string } }>(rows: T[]) => rows.filter((r) => !draftBriefings.has(r.data.briefing));
  return {
    ...model,
    policies: model.policies.filter((p) => !p.data.draft),
    briefings: model.briefings.filter((b) => !b.data.draft),
    taskLists: model.taskLists.map((list) => ({ ...list, rows: ofPublishedPolicy(list.rows) })).filter((list) => list.rows.length > 0),
    targets: ofPublishedPolicy(model.targets),
    assignments: ofPublishedPolicy(model.assignments),
    progress: ofPublishedBriefing(model.progress),
    rankingTiers: ofPublishedBriefing(model.rankingTiers),
    evaluationWeights: ofPublishedBriefing(model.evaluationWeights),
  };
}
