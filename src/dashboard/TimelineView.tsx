import { Box, Text } from 'ink';
import type { Line } from './segments.js';
import { joinCells } from './segments.js';
import type { TimelineRow } from './policyTimeline.js';
import { LinesView } from './LinesView.js';
import { yearAxis } from './fanChart.js';

/** What the policy timeline needs: its rows, already laid across the plot's columns. */
export interface TimelineViewProps {
  readonly title: string;
  readonly rows: readonly TimelineRow[];
  readonly labelWidth: number;
  readonly years: readonly number[];
  readonly cursor: number;
  /** Whether to draw its own year axis (when it is not right under a chart of the same width). */
  readonly axis: boolean;
}

/** The policy timeline under the charts: one row per lever or host programme, aligned with the plots' years. */
export function TimelineView({ title, rows, labelWidth, years, cursor, axis }: TimelineViewProps) {
  const lines: Line[] = rows.map((r) => [{ text: `${r.label.slice(0, labelWidth).padEnd(labelWidth)} `, tone: 'plain' }, ...joinCells(r.cells)]);
  const width = rows[0]?.cells.length ?? 0;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" color="gray">
        {title}
      </Text>
      <LinesView lines={axis ? [...lines, yearAxis(years, width, labelWidth, cursor)[1]] : lines} />
    </Box>
  );
}
