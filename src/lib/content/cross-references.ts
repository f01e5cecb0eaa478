/**
 * Checks that every id a row or document refers to exists, that ids are unique,
 * and that figures which must add up do. Runs after each file has been read.
 * A row may cite a draft document: it is checked the same way, and published
 * with the document (lib/published-view.ts).
 */
import type { ContentIssue } from './content-issue.ts';
import type { ContentModel, LocatedRow } from './content-model.ts';
import { TABLE_DATASET_PATHS, taskListDataset } from '../../schemas/datasets.ts';
import { contentMessage, type MessageCode } from '../../core/content-messages.ts';

interface Target {
  file: string;
  row?: number;
  line?: number;
  label?: string;
}

function at(row: LocatedRow<unknown>): Target {
  return { file: row.file, row: row.row, label: row.label };
}

function issue(place: Target, field: string, value: string, code: MessageCode, values: Readonly<Record<string, string | number>> = {}): ContentIssue {
  return { file: place.file, row: place.row, line: place.line, rowLabel: place.label, field, value, ...contentMessage(code, values) };
}

export function checkCrossReferences(model: ContentModel): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const regionIds = new Set(model.regions.map((r) => r.data.id));
  const indicatorIds = new Set(model.indicators.map((r) => r.data.id));
  const trackerIds = new Set(model.trackers.map((r) => r.data.id));
  const policies = new Map(model.policies.map((p) => [p.id, p]));
  const briefings = new Map(model.briefings.map((b) => [b.id, b]));
  const datasets = new Set([...model.taskLists.map((list) => taskListDataset(list.id)), ...TABLE_DATASET_PATHS]);

  const region = (place: Target, field: string, id: string | undefined) => {
    if (id !== undefined && !regionIds.has(id))
      issues.push(issue(place, field, id, 'unknown-region'));
  };
  const indicator = (place: Target, field: string, id: string | undefined) => {
    if (id !== undefined && !indicatorIds.has(id))
      issues.push(issue(place, field, id, 'unknown-indicator'));
  };
  /** Whether a document has a section with this anchor, or with this former Chinese anchor (see anchors.ts). */
  const hasSection = (document: { anchors: string[]; headings: { alias: string | undefined }[] }, section: string) =>
    document.anchors.includes(section) || document.headings.some((h) => h.alias === section);
  const policySection = (place: Target, policyField: string, policyId: string, sectionField?: string, section?: string) => {
    const policy = policies.get(policyId);
    if (model.unreadableDocuments.has(policyId)) return;
    if (!policy) {
      issues.push(issue(place, policyField, policyId, 'unknown-policy'));
      return;
    }
    if (sectionField && section !== undefined && !hasSection(policy, section))
      issues.push(
        issue(place, sectionField, section, 'unknown-policy-section', {
          policy: policyId,
          anchors: `${policy.anchors.slice(0, 12).join('、')}${policy.anchors.length > 12 ? ' 等' : ''}`,
        }),
      );
  };
  const briefingSection = (place: Target, briefingId: string, section: string) => {
    const briefing = briefings.get(briefingId);
    if (model.unreadableDocuments.has(briefingId)) return;
    if (!briefing) {
      issues.push(issue(place, '来源简报', briefingId, 'unknown-briefing'));
      return;
    }
    if (!hasSection(briefing, section))
      issues.push(issue(place, '来源章节', section, 'unknown-briefing-section', { briefing: briefingId, anchors: briefing.anchors.join('、') }));
  };
  const unique = <T>(rows: LocatedRow<T>[], key: (data: T) => string, field: string, what: string) => {
    const first = new Map<string, LocatedRow<T>>();
    for (const row of rows) {
      const k = key(row.data);
      const earlier = first.get(k);
      if (earlier) issues.push(issue(at(row), field, k, 'duplicate-id', { what, row: earlier.row }));
      else first.set(k, row);
    }
  };

  // regions
  unique(model.regions, (r) => r.id, '编号', '地区编号');
  for (const row of model.regions) region(at(row), '上级', row.data.parent);

  // indicators: ids, names and aliases must each point at exactly one indicator
  unique(model.indicators, (r) => r.id, '编号', '指标编号');
  const nameOwner = new Map<string, string>();
  for (const row of model.indicators) {
    indicator(at(row), '上级', row.data.parent);
    for (const name of [row.data.name, ...row.data.aliases]) {
      const owner = nameOwner.get(name);
      if (owner && owner !== row.data.id)
        issues.push(issue(at(row), '别名', name, 'alias-taken', { owner }));
      else nameOwner.set(name, row.data.id);
    }
  }

  // documents
  for (const [kind, documents] of [['policy', model.policies], ['briefing', model.briefings]] as const) {
    for (const document of documents) {
      const place = { file: document.file, line: 1 };
      if (!regionIds.has(document.data.region))
        issues.push(issue(place, '地区（region）', document.data.region, 'unknown-region'));
      if (kind === 'policy') {
        const policy = policies.get(document.id)!;
        for (const id of policy.data.indicators) indicator(place, '涉及指标（indicators）', id);
        for (const attachment of policy.data.attachments)
          if (!datasets.has(attachment.dataset))
            issues.push(issue(place, '附件（attachments）', attachment.dataset, 'unknown-attachment', { datasets: [...datasets].join('、') }));
      }
    }
  }
  const issueNumbers = new Map<string, string>();
  for (const briefing of model.briefings) {
    const key = `${briefing.data.series}#${briefing.data.issue}`;
    const other = issueNumbers.get(key);
    if (other)
      issues.push(issue({ file: briefing.file, line: 1 }, '期号（issue）', String(briefing.data.issue), 'duplicate-issue', { other }));
    else issueNumbers.set(key, briefing.file);
  }

  // task lists
  for (const list of model.taskLists) {
    unique(list.rows, (t) => String(t.number), '序号', '序号');
    for (const row of list.rows) {
      region(at(row), '地区', row.data.region);
      indicator(at(row), '指标', row.data.indicator);
      policySection(at(row), '来源政策', row.data.policy);
    }
  }

  // assignments
  unique(model.assignments, (a) => `${a.region}/${a.indicator}/${a.policy}`, '指标', '同一地区、同一政策的指标分工');
  for (const row of model.assignments) {
    region(at(row), '地区', row.data.region);
    indicator(at(row), '指标', row.data.indicator);
    policySection(at(row), '来源政策', row.data.policy, '来源章节', row.data.section);
  }

  // targets
  unique(model.targets, (t) => t.id, '编号', '目标编号');
  for (const row of model.targets) {
    region(at(row), '地区', row.data.region);
    indicator(at(row), '指标', row.data.indicator);
    policySection(at(row), '来源政策', row.data.policy, '来源章节', row.data.section);
  }

  // trackers and progress
  unique(model.trackers, (t) => t.id, '编号', '跟踪事项编号');
  unique(model.progress, (p) => p.id, '编号', '进展记录编号');
  for (const row of model.progress) {
    region(at(row), '地区', row.data.region);
    if (!trackerIds.has(row.data.tracker))
      issues.push(issue(at(row), '跟踪事项', row.data.tracker, 'unknown-tracker'));
    briefingSection(at(row), row.data.briefing, row.data.section);
  }

  // ranking tiers
  unique(model.rankingTiers, (t) => t.id, '编号', '排名档次编号');
  for (const row of model.rankingTiers) {
    region(at(row), '地区', row.data.region);
    for (const id of row.data.indicators) indicator(at(row), '指标', id);
    briefingSection(at(row), row.data.briefing, row.data.section);
  }

  // evaluation weights: each region-year must add up to 100
  unique(model.evaluationWeights, (w) => w.id, '编号', '权重记录编号');
  const sums = new Map<string, { total: number; rows: LocatedRow<unknown>[] }>();
  for (const row of model.evaluationWeights) {
    region(at(row), '适用地区', row.data.region);
    briefingSection(at(row), row.data.briefing, row.data.section);
    const key = `${row.data.region} ${row.data.year}`;
    const entry = sums.get(key) ?? { total: 0, rows: [] };
    entry.total = Math.round((entry.total + row.data.weight) * 100) / 100;
    entry.rows.push(row);
    sums.set(key, entry);
  }
  for (const [key, { total, rows }] of sums) {
    if (total !== 100)
      issues.push(issue(at(rows[0] as LocatedRow<unknown>), '权重', String(total), 'weights-do-not-add-up', { key, total }));
  }
  return issues;
}
