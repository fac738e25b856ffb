import { Box, Text } from 'ink';
import type { Line, Tone } from './segments.js';

// Colours only help: every tone also has its own characters, so NO_COLOR (FORCE_COLOR=0) loses nothing.
const COLOURS: Readonly<Record<Tone, string | undefined>> = {
  plain: undefined,
  dim: 'gray',
  axis: 'gray',
  outer: 'blue',
  inner: 'cyan',
  median: 'yellowBright',
  altEdge: 'magenta',
  altMedian: 'magentaBright',
  zero: 'white',
  cursor: 'gray',
  highlight: 'yellowBright',
  on: 'green',
  level: 'cyan',
  event: 'red',
};

/** Draws lines of toned segments, one terminal line each, never wrapped. */
export function LinesView({ lines }: { readonly lines: readonly Line[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line.map((s, j) => (
            <Text key={j} color={COLOURS[s.tone]} bold={s.tone === 'highlight'}>
              {s.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
