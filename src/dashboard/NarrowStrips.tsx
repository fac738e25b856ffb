import { Box, Text } from 'ink';
import type { CompiledScenario } from '../scenario/compiled.js';
import { leverValueIn } from './changeLever.js';
import { DASHBOARD_METRICS } from './dashboardMetrics.js';
import type { RunResult } from './dashboardRunner.js';
import { formatLever, LEVER_LABELS, LEVER_ORDER } from './leverInfo.js';
import { formatNumber } from '../report/formatNumber.js';

/** What the two strips of a narrow terminal show: the selected metric and the picked lever in the cursor's year. */
export interface NarrowStripsProps {
  readonly result: RunResult | undefined;
  readonly scenario: CompiledScenario;
  readonly metric: number;
  readonly cursor: number;
  readonly lever: number;
  readonly width: number;
}

/** Below 110 columns, in place of the sidebar: one line of the selected metric's values, one of the picked lever. */
export function NarrowStrips({ result, scenario, metric, cursor, lever, width }: NarrowStripsProps) {
  const d = DASHBOARD_METRICS[metric];
  const m = (result?.alternative ?? result?.base)?.metrics[d.name];
  const year = scenario.years[cursor];
  const f = (v: number | null) => (m ? formatNumber(v, m.unit) : '-');
  const diff = result?.difference?.[d.name];
  const values = m
    ? `${year} ${d.label}: p50 ${f(m.p50[cursor])}  p5 ${f(m.p5[cursor])}  p95 ${f(m.p95[cursor])}  mean ${f(m.mean[cursor])}  ${m.unit}${diff ? `  Δ p50 ${formatNumber(diff.p50[cursor], diff.unit)}` : ''}`
    : `${year} ${d.label}: waiting for the first runs...`;
  const l = LEVER_ORDER[lever];
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">{values}</Text>
      <Text wrap="truncate">
        lever (↑↓): <Text color="yellowBright">{LEVER_LABELS[l]}</Text> {formatLever(l, leverValueIn(scenario, l, year))} from January {year}
        <Text color="gray">; +/- changes it</Text>
      </Text>
    </Box>
  );
}
