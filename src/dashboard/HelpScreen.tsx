import { Box, Text } from 'ink';
import { KEY_HELP } from './dashboardKeys.js';
import { FAN_GLYPHS } from './fanChart.js';
import { TIMELINE_GLYPHS } from './policyTimeline.js';

/** The help screen (key ?): the keys, and how to read the charts and the timeline. */
export function HelpScreen({ width }: { readonly width: number }) {
  const g = FAN_GLYPHS;
  const t = TIMELINE_GLYPHS;
  return (
    <Box flexDirection="column" width={width} borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {KEY_HELP.map(([keys, what]) => (
        <Text key={keys} wrap="truncate">
          <Text color="yellowBright">{keys.padEnd(17)}</Text>
          {what}
        </Text>
      ))}
      <Text> </Text>
      <Text bold>Reading the charts</Text>
      <Text wrap="wrap">
        {g.outer} 90% of runs (p5-p95), {g.inner} half of runs (p25-p75), {g.median} median; comparing: the baseline shaded, the alternative as {g.altEdge}{' '}
        p5/p95 and {g.altMedian} median, and beneath, the difference alternative minus baseline run by run (the same random numbers for both), {g.zero} zero.
        Stocks are on 31 December, flows totals over the year. The year cursor {g.cursor} picks the year of the values panel and of lever changes.
      </Text>
      <Text> </Text>
      <Text bold>Policy timeline</Text>
      <Text wrap="wrap">
        {t.on} a switch on, {t.off} off or zero, ▁▂▃▄▅▆▇█ a level (shares of 100%, other levers of their highest value), {t.running} a host programme running,{' '}
        {t.cut} cut in part, {t.end} ended. Values written as expressions are shown at the parameters' medians. Changed levers are saved with s to a new
        file; the original is never overwritten.
      </Text>
      <Text> </Text>
      <Text color="gray">? or Esc closes this help.</Text>
    </Box>
  );
}
