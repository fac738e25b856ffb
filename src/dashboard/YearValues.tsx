import { Box, Text } from 'ink';
import type { MetricReport } from '../report/runReport.js';
import { formatNumber } from '../report/formatNumber.js';
import { DASHBOARD_METRICS } from './dashboardMetrics.js';
import type { RunResult } from './dashboardRunner.js';

/** What the year panel shows: every charted metric in the cursor's year. */
export interface YearValuesProps {
  readonly result: RunResult | undefined;
  readonly cursor: number;
  readonly selected: number;
  readonly width: number;
  /** Lines the panel may use. */
  readonly height: number;
}

const LABEL = 16;
const COLUMN = 8;

/** Formats one year of a metric as the columns p5, p50, p95 and mean. */
export function yearColumns(m: MetricReport, i: number, width = COLUMN): string {
  return [m.p5[i], m.p50[i], m.p95[i], m.mean[i]].map((v) => formatNumber(v, m.unit).padStart(width)).join('');
}

/**
 * The year cursor's panel: for each charted metric its p5, p50, p95 and mean in that year, formatted with
 * its unit ($, %), and the selected metric's unit spelled out. When comparing, the rows are the alternative's
 * and a Δ row beneath gives the run-by-run difference from the baseline (for every metric if there is room,
 * else for the selected one).
 */
export function YearValues({ result, cursor, selected, width, height }: YearValuesProps) {
  if (!result) return <Text color="gray">waiting for the first runs...</Text>;
  const year = result.base.years[cursor];
  const comparing = result.alternative !== undefined;
  const deltas = comparing && 2 + 2 * DASHBOARD_METRICS.length + 1 <= height;
  const lines: { text: string; bold?: boolean; dim?: boolean }[] = [];
  lines.push({ text: `${`Year ${year}`.padEnd(LABEL)}${['p5', 'p50', 'p95', 'mean'].map((h) => h.padStart(COLUMN)).join('')}`, bold: true });
  if (comparing) lines.push({ text: 'rows: alternative; Δ: alternative - baseline', dim: true });
  DASHBOARD_METRICS.forEach((d, k) => {
    const m = (result.alternative ?? result.base).metrics[d.name];
    if (!m) return;
    const mark = k === selected ? '▸' : ' ';
    lines.push({ text: `${mark}${d.short.slice(0, LABEL - 1).padEnd(LABEL - 1)}${yearColumns(m, cursor)}`, bold: k === selected });
    const diff = result.difference?.[d.name];
    if (diff && (deltas || k === selected)) lines.push({ text: `${'   Δ'.padEnd(LABEL)}${yearColumns(diff, cursor)}`, dim: true });
  });
  const unit = result.base.metrics[DASHBOARD_METRICS[selected]?.name]?.unit;
  if (unit) lines.push({ text: ` ${DASHBOARD_METRICS[selected].label}: ${unit}`, dim: true });
  return (
    <Box flexDirection="column" width={width}>
      {lines.slice(0, height).map((l, i) => (
        <Text key={i} wrap="truncate" bold={l.bold} color={l.dim ? 'gray' : undefined}>
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
