import type { ScanSeverity } from '../plan/steps/docker.js';

/**
 * Reading a scanner's SARIF report: how many findings of each severity. Both scanners put the
 * vulnerability's own severity in the rule's help text as a `Severity: X` line (Trivy's
 * pkg/report/sarif.go, Grype's grype/presenter/sarif/presenter.go); the SARIF `level` cannot be used,
 * since both map critical and high alike to `error`.
 */

/** Most severe first; `other` holds Grype's `negligible` and both scanners' `unknown`, which never fail a release. */
export const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'other'] as const;
export type SeverityBucket = (typeof SEVERITY_ORDER)[number];
export type SeverityCounts = Record<SeverityBucket, number>;

interface SarifRule {
  id?: string;
  help?: { text?: string };
  properties?: { tags?: unknown };
}
interface SarifLog {
  runs?: Array<{ tool?: { driver?: { rules?: SarifRule[] } }; results?: Array<{ ruleId?: string; ruleIndex?: number }> }>;
}

export const emptyCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, other: 0 });

function bucketOf(word: string | undefined): SeverityBucket {
  const lower = word?.toLowerCase();
  return lower === 'critical' || lower === 'high' || lower === 'medium' || lower === 'low' ? lower : 'other';
}

function ruleSeverity(rule: SarifRule | undefined): SeverityBucket {
  const line = rule?.help?.text?.match(/^Severity: *(\w+)/m)?.[1];
  if (line) return bucketOf(line);
  // Trivy also tags each rule with its severity in upper case.
  const tags = Array.isArray(rule?.properties?.tags) ? (rule.properties.tags as unknown[]) : [];
  return bucketOf(tags.find((tag): tag is string => typeof tag === 'string' && /^(CRITICAL|HIGH|MEDIUM|LOW)$/.test(tag)));
}

/** Counts the findings (results) of a SARIF report by severity. Throws on text that is not a SARIF log. */
export function countFindings(text: string): SeverityCounts {
  const log = JSON.parse(text) as SarifLog;
  if (!log || typeof log !== 'object' || !Array.isArray(log.runs)) throw new Error('not a SARIF log (no "runs")');
  const counts = emptyCounts();
  for (const run of log.runs) {
    const rules = run.tool?.driver?.rules ?? [];
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    for (const result of run.results ?? []) {
      const rule = (typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined) ?? byId.get(result.ruleId);
      counts[ruleSeverity(rule)] += 1;
    }
  }
  return counts;
}

/** Findings at or above the threshold. */
export function countAtOrAbove(counts: SeverityCounts, failOn: ScanSeverity | 'none'): number {
  if (failOn === 'none') return 0;
  const last = SEVERITY_ORDER.indexOf(failOn);
  return SEVERITY_ORDER.slice(0, last + 1).reduce((sum, bucket) => sum + counts[bucket], 0);
}

/** `2 critical, 1 high` (only the non-zero counts), or `no findings`. */
export function describeCounts(counts: SeverityCounts): string {
  const parts = SEVERITY_ORDER.filter((bucket) => counts[bucket]).map((bucket) => `${counts[bucket]} ${bucket === 'other' ? 'negligible or unknown' : bucket}`);
  return parts.length ? parts.join(', ') : 'no findings';
}
