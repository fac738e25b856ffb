import { availableParallelism } from 'node:os';
import { Box, Text, useStdin } from 'ink';
import { useMemo } from 'react';
import type { CompiledScenario } from '../scenario/compiled.js';
import { ChartPanel } from './ChartPanel.js';
import { dashboardLayout } from './dashboardLayout.js';
import { DASHBOARD_METRICS } from './dashboardMetrics.js';
import type { DashboardRunner, TornadoRunner } from './dashboardRunner.js';
import { currentScenario, hasUnsavedChanges, type KeyContext } from './dashboardState.js';
import { Header } from './Header.js';
import { HelpScreen } from './HelpScreen.js';
import { LEVER_ORDER } from './leverInfo.js';
import { LeverPanel } from './LeverPanel.js';
import { NarrowStrips } from './NarrowStrips.js';
import { tornadoOffThread } from './offThread.js';
import { policyTimeline } from './policyTimeline.js';
import { poolRunner } from './poolRunner.js';
import { parameterMedians } from '../scenario/parameterMedians.js';
import { TimelineView } from './TimelineView.js';
import { TooSmall } from './TooSmall.js';
import { TornadoView } from './TornadoView.js';
import { useDashboardKeys } from './useDashboardKeys.js';
import { useMonteCarlo } from './useMonteCarlo.js';
import { useTornado } from './useTornado.js';
import { useTerminalSize } from './useTerminalSize.js';
import { YearValues } from './YearValues.js';

/** What the dashboard is given: the scenario (and one to compare with), the run settings and its ports. */
export interface AppProps {
  readonly scenario: CompiledScenario;
  /** An alternative to compare with `scenario`, the baseline; the levers then change the alternative. */
  readonly compare?: CompiledScenario;
  readonly runs: number;
  readonly seed: number;
  /** Runs the Monte Carlo (default: on a worker pool, runMonteCarlo + runReport, or compareScenarios in a worker). */
  readonly runner?: DashboardRunner;
  /** Computes the sensitivity view's tornado (default: analyzeSensitivity in a worker thread). */
  readonly tornado?: TornadoRunner;
  /** Runs of the quick look that comes before the full count (default 200). */
  readonly quickRuns?: number;
  /** Writes a changed scenario's YAML next to its original file and returns the path written. */
  readonly save?: (text: string, original: string) => string;
}

const KEY_HINTS = 'Tab/1-0 metric  ←→ year  ↑↓ +/- lever  u undo  s save  t tornado  ? help  q quit';
const TORNADO_HINTS = 't back to the charts  Tab/1-0 metric  ←→ year  ↑↓ +/- lever  ? help  q quit';

/**
 * The terminal dashboard: fan charts of the key metrics with a year cursor, the values in that year, the
 * policy timeline and the levers, re-running the Monte Carlo (a quick look, then the full count) when a lever
 * moves. It never simulates on the UI thread: the runner does.
 */
export function App(props: AppProps) {
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const original = props.compare ?? props.scenario;
  // Every edit keeps the horizon: the years are the scenario's, whatever the levers do.
  const years = props.scenario.years;
  const keyContext: KeyContext = { years, tooSmall: dashboardLayout(columns, rows, 0).tooSmall, canSave: props.save !== undefined };
  const state = useDashboardKeys(original, keyContext, props.save, isRawModeSupported);
  const { history, view, status } = state;
  const current = currentScenario(state);
  const base = props.compare ? props.scenario : current;
  const alternative = props.compare ? current : undefined;
  const runner = useMemo(() => props.runner ?? poolRunner(Math.max(2, availableParallelism())), [props.runner]);
  const runState = useMonteCarlo(runner, base, alternative, props.runs, props.seed, props.quickRuns ?? 200);
  const medians = useMemo(() => parameterMedians(current), [current]);
  const baseMedians = useMemo(() => parameterMedians(base), [base]);
  const tornado = useTornado(props.tornado ?? tornadoOffThread, view.sensitivity, current, DASHBOARD_METRICS[view.metric].name, years[view.year], props.seed);

  const plotWidthFor = (width: number, labelWidth: number) => Math.max(1, width - labelWidth - 1);
  const layoutProbe = dashboardLayout(columns, rows, 0);
  const timeline = useMemo(() => {
    const width = plotWidthFor(layoutProbe.mainWidth, layoutProbe.labelWidth);
    const rowsNow = policyTimeline(current, width, medians, view.year);
    if (!alternative) return rowsNow;
    // When comparing, mark the rows where the alternative's policy differs from the baseline's.
    const baseRows = policyTimeline(base, width, baseMedians, view.year);
    return rowsNow.map((r) => {
      const b = baseRows.find((x) => x.label === r.label);
      const differs = !b || b.cells.map((c) => c.ch).join('') !== r.cells.map((c) => c.ch).join('');
      return differs ? { ...r, label: `${r.label.slice(0, layoutProbe.labelWidth - 1)}*` } : r;
    });
  }, [current, base, alternative, medians, baseMedians, view.year, layoutProbe.mainWidth, layoutProbe.labelWidth]);
  const layout = dashboardLayout(columns, rows, timeline.length);

  if (layout.tooSmall) {
    return (
      <Box height={Math.max(1, rows - 1)}>
        <TooSmall columns={columns} rows={rows} question={state.confirmingQuit ? status : undefined} />
      </Box>
    );
  }

  const pageSize = layout.gridColumns * layout.gridRows;
  const page = Math.floor(view.metric / pageSize);
  const shown = DASHBOARD_METRICS.map((m, i) => ({ m, i })).slice(page * pageSize, page * pageSize + pageSize);
  const result = runState.result;
  const charts = (
    <Box flexDirection="column">
      {Array.from({ length: layout.gridRows }, (_, r) => (
        <Box key={r} flexDirection="row" gap={1}>
          {shown.slice(r * layout.gridColumns, (r + 1) * layout.gridColumns).map(({ m, i }) => (
            <ChartPanel
              key={m.name}
              metric={m}
              keyLabel={String((i + 1) % 10)}
              result={result}
              width={layout.panelWidth}
              height={layout.panelHeight}
              labelWidth={layout.labelWidth}
              cursor={view.year}
              selected={i === view.metric}
              compareView={view.compareView}
            />
          ))}
        </Box>
      ))}
    </Box>
  );
  const timelineTitle = alternative
    ? `policy timeline: ${alternative.name} (* differs from ${base.name}; expressions at parameter medians)`
    : 'policy timeline (expressions at parameter medians)';
  const main = view.sensitivity ? (
    <TornadoView state={tornado} metric={DASHBOARD_METRICS[view.metric]} year={years[view.year]} scenario={current.name} width={layout.mainWidth} height={layout.bodyHeight} />
  ) : (
    <Box flexDirection="column" width={layout.mainWidth}>
      {charts}
      <TimelineView title={timelineTitle} rows={timeline.slice(0, layout.timelineRows)} labelWidth={layout.labelWidth} years={years} cursor={view.year} axis={layout.gridColumns > 1} />
      {!layout.wide && <NarrowStrips result={result} scenario={current} metric={view.metric} cursor={view.year} lever={view.lever} width={layout.mainWidth} />}
    </Box>
  );
  const leverHeight = LEVER_ORDER.length + 2;
  const sidebar = layout.wide && (
    <Box flexDirection="column" width={layout.sidebarWidth}>
      <YearValues result={result} cursor={view.year} selected={view.metric} width={layout.sidebarWidth} height={layout.bodyHeight - leverHeight - 1} />
      <Box flexGrow={1} />
      <LeverPanel scenario={current} original={original} year={years[view.year]} selected={view.lever} changes={history.length - 1} unsaved={hasUnsavedChanges(state)} width={layout.sidebarWidth} />
    </Box>
  );
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header base={base} alternative={alternative} runs={props.runs} seed={props.seed} state={runState} width={columns} />
      <Box flexDirection="row" gap={1} height={layout.bodyHeight}>
        {view.help ? <HelpScreen width={Math.min(columns, 100)} height={layout.bodyHeight} /> : main}
        {!view.help && sidebar}
      </Box>
      <Text wrap="truncate" color={status ? 'yellowBright' : 'gray'}>
        {status ?? (view.sensitivity ? TORNADO_HINTS : KEY_HINTS)}
      </Text>
    </Box>
  );
}
