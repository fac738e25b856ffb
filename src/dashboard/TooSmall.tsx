import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from './dashboardLayout.js';

/** What the dashboard says in a terminal too small to draw it. */
export function TooSmall({ columns, rows }: { readonly columns: number; readonly rows: number }) {
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        The dashboard needs a terminal of at least {MIN_COLUMNS}x{MIN_ROWS}; this one is {columns}x{rows}.
      </Text>
      <Text wrap="wrap">Please enlarge the window (the dashboard redraws itself), or press q to quit.</Text>
    </Box>
  );
}
