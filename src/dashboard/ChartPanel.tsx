import { Box, Text } from 'ink';
import type { DashboardMetric } from './dashboardMetrics.js';
import type { RunResult } from './dashboardRunner.js';
import { FAN_GLYPHS, fanChart, type FanSeries } from './fanChart.js';
import { LinesView } from './LinesView.js';

/** Which charts the compare view shows. */
export type CompareView = 'both' | 'overlay' | 'difference';

/** What one chart panel needs. */
export interface ChartPanelProps {
  readonly metric: DashboardMetric;
  /** The metric's number key (1-9, 0). */
  readonly keyLabel: string;
  readonly result: RunResult | undefined;
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly cursor: number;
  readonly selected: boolean;
  readonly compareView: CompareView;
}

const G = FAN_GLYPHS;
const FAN_LEGEND = `${G.outer} p5-p95 ${G.inner} p25-p75 ${G.median} median`;
const OVERLAY_LEGEND = `${G.outer}${G.inner}${G.median} baseline  ${G.altEdge}${G.altMedian} alternative`;
const DIFFERENCE_TITLE = 'Δ alternative - baseline, run by run';
const DIFFERENCE_LEGEND = `${G.outer} 90% ${G.inner} 50% ${G.median} median ${G.zero} 0`;

// Below this height a compare panel cannot show both charts legibly: it shows one, chosen with d.
const BOTH_MIN_HEIGHT = 16;

/**
 * One metric's fan chart with its title and legend; when comparing, the two scenarios on one chart (the
 * baseline shaded, the alternative outlined) and, beneath, the run-by-run difference alternative minus baseline.
 */
export function ChartPanel(p: ChartPanelProps) {
  const base = p.result?.base.metrics[p.metric.name];
  const title = `${p.selected ? '▸' : ' '}${p.keyLabel} ${p.metric.label}${base ? ` (${base.unit})` : ''}`;
  if (!p.result || !base) {
    return (
      <Box flexDirection="column" width={p.width} height={p.height}>
        <Text wrap="truncate" bold={p.selected}>
          {title}
        </Text>
        <Text color="gray">{p.result ? 'not in this scenario' : 'waiting for the first runs...'}</Text>
      </Box>
    );
  }
  const alt = p.result.alternative?.metrics[p.metric.name];
  const diff = p.result.difference?.[p.metric.name];
  const years = p.result.base.years;
  const chart = (series: FanSeries[], height: number, zeroLine = false) =>
    fanChart({ series, years, unit: base.unit, width: p.width, height, labelWidth: p.labelWidth, cursor: p.cursor, zeroLine });
  // The title wins: a legend that does not fit gives way to its short form, or to nothing (the help explains).
  const header = (legend: string, short = '') => (
    <Box width={p.width}>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap="truncate" bold={p.selected}>
          {title}
        </Text>
      </Box>
      <Text color="gray">{` ${[legend, short].find((l) => title.length + l.length + 1 <= p.width) ?? ''}`}</Text>
    </Box>
  );
  if (!alt || !diff) {
    return (
      <Box flexDirection="column" width={p.width} height={p.height}>
        {header(FAN_LEGEND)}
        <LinesView lines={chart([{ quantiles: base, style: 'fan' }], p.height - 1)} />
      </Box>
    );
  }
  const view = p.compareView === 'both' && p.height < BOTH_MIN_HEIGHT ? 'overlay' : p.compareView;
  const overlayHeight = view === 'both' ? Math.ceil((p.height - 2) * 0.6) : p.height - 1;
  const diffHeight = view === 'both' ? p.height - 2 - overlayHeight : p.height - 1;
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      {view !== 'difference' && header(OVERLAY_LEGEND)}
      {view !== 'difference' && <LinesView lines={chart([{ quantiles: base, style: 'fan' }, { quantiles: alt, style: 'outline' }], overlayHeight)} />}
      {view === 'both' && (
        <Text wrap="truncate" color="gray">
          {` ${DIFFERENCE_TITLE}: ${DIFFERENCE_LEGEND}`}
        </Text>
      )}
      {view === 'difference' && header(`${DIFFERENCE_TITLE}: ${DIFFERENCE_LEGEND}`, 'Δ alt - base, per run')}
      {view !== 'overlay' && <LinesView lines={chart([{ quantiles: diff, style: 'fan' }], diffHeight, true)} />}
    </Box>
  );
}
