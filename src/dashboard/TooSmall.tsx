import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from './dashboardLayout.js';

/**
 * What the dashboard says in a terminal too small to draw it; `question` is what a quit with unsaved changes
 * asks, shown here too since the keys still answer it.
 */
export function TooSmall({ columns, rows, question }: { readonly columns: number; readonly rows: number; readonly question?: string }) {
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        The dashboard needs a terminal of at least {MIN_COLUMNS}x{MIN_ROWS}; this one is {columns}x{rows}.
      </Text>
      <Text wrap="wrap">Please enlarge the window (the dashboard redraws itself), or press q to quit; other keys do nothing here.</Text>
      {question && (
        <Text wrap="wrap" color="yellowBright">
          {question}
        </Text>
      )}
    </Box>
  );
}
