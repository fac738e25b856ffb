/** The smallest terminal the dashboard draws in. */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

/** Where the dashboard puts what, for one terminal size. */
export interface DashboardLayout {
  readonly tooSmall: boolean;
  /** Whether the values and levers sit in a sidebar (else: one line each under the charts). */
  readonly wide: boolean;
  readonly sidebarWidth: number;
  /** Width of the charts and the timeline. */
  readonly mainWidth: number;
  readonly gridColumns: number;
  readonly gridRows: number;
  /** Size of one chart panel, its title line included. */
  readonly panelWidth: number;
  readonly panelHeight: number;
  /** Policy timeline rows shown (its title line not counted). */
  readonly timelineRows: number;
  /** Width of the margin left of plots and timeline rows, for value labels and row names. */
  readonly labelWidth: number;
  /** Lines for the main area (charts, timeline and, when narrow, the two strips). */
  readonly bodyHeight: number;
}

const SIDEBAR = 48;
const LABEL = 13;

/**
 * Lays the dashboard out for a terminal: the header, charts, policy timeline and key line in `rows - 1` lines
 * (a frame as tall as the terminal makes Ink clear the screen on every frame), a sidebar from 110 columns, a
 * second column of charts from 160 columns and a second row from 48 rows; below 80x24 nothing fits.
 */
export function dashboardLayout(columns: number, rows: number, timelineWanted: number): DashboardLayout {
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const wide = columns >= 110;
  const bodyHeight = Math.max(0, rows - 1 - 3);
  const strips = wide ? 0 : 2;
  const gridColumns = columns >= 160 ? 2 : 1;
  // The timeline explains the curves but must leave them room: at most about a third of the height.
  const timelineRows = Math.min(timelineWanted, Math.max(2, Math.floor(bodyHeight * 0.3) - 1));
  const timelineHeight = 1 + timelineRows + (gridColumns > 1 ? 1 : 0);
  const chartArea = Math.max(4, bodyHeight - strips - timelineHeight);
  const gridRows = rows >= 48 && chartArea >= 24 ? 2 : 1;
  const mainWidth = wide ? columns - SIDEBAR - 1 : columns;
  return {
    tooSmall,
    wide,
    sidebarWidth: SIDEBAR,
    mainWidth,
    gridColumns,
    gridRows,
    panelWidth: Math.floor((mainWidth - (gridColumns - 1)) / gridColumns),
    panelHeight: Math.floor(chartArea / gridRows),
    timelineRows,
    labelWidth: LABEL,
    bodyHeight,
  };
}
