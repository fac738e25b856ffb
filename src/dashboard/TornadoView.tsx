import { Box, Text } from 'ink';
import type { DashboardMetric } from './dashboardMetrics.js';
import { TORNADO_GLYPHS, tornadoChart } from './tornadoChart.js';
import { TORNADO_RUNS, type TornadoState } from './useTornado.js';

/** What the sensitivity view shows: the tornado of the selected metric in the cursor's year. */
export interface TornadoViewProps {
  readonly state: TornadoState;
  readonly metric: DashboardMetric;
  readonly year: number;
  readonly scenario: string;
  readonly width: number;
  /** Lines the view may use. */
  readonly height: number;
}

/** The sensitivity view (key t): which uncertain parameters move the selected metric in the cursor's year most. */
export function TornadoView({ state, metric, year, scenario, width, height }: TornadoViewProps) {
  const g = TORNADO_GLYPHS;
  const { report } = state;
  const title = `sensitivity of ${metric.label} in ${year}${report ? ` (${report.unit})` : ''}: ${scenario}`;
  const intro = [`each uncertain parameter at p10 ${g.low} and p90 ${g.high}, others at their medians;`, `the mean of ${TORNADO_RUNS} runs a bar, on the same random numbers for every bar`];
  const head = (
    <>
      <Text bold wrap="truncate">
        {title}
      </Text>
      {intro.map((line) => (
        <Text key={line} color="gray" wrap="truncate">
          {line}
        </Text>
      ))}
      <Text> </Text>
    </>
  );
  if (!report) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {head}
        {state.error ? <Text color="redBright">{state.error}</Text> : <Text color="yellowBright">computing…</Text>}
      </Box>
    );
  }
  // Title, intro, blank, header, the two axis lines and the line saying how many bars are left out.
  const chart = tornadoChart(report, width, Math.max(1, height - 8));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {head}
      <Text bold wrap="truncate">
        {chart.header}
      </Text>
      {chart.rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row}
        </Text>
      ))}
      {chart.axis.map((line, i) => (
        <Text key={`axis${i}`} color="gray" wrap="truncate">
          {line}
        </Text>
      ))}
      {chart.hidden > 0 && (
        <Text color="gray" wrap="truncate">
          {`+ ${chart.hidden} more parameters with smaller swings`}
        </Text>
      )}
    </Box>
  );
}
