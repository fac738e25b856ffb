import { Box, Text } from 'ink';
import { KEY_HELP } from './dashboardKeys.js';
import { FAN_GLYPHS } from './fanChart.js';
import { TIMELINE_GLYPHS } from './policyTimeline.js';
import { TORNADO_GLYPHS } from './tornadoChart.js';
import { TORNADO_RUNS } from './useTornado.js';

/** Lines a text takes wrapped at word boundaries to `width` columns. */
export function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const n = [...word].length;
    if (used > 0 && used + 1 + n > width) {
      lines++;
      used = n;
    } else used += (used > 0 ? 1 : 0) + n;
  }
  return lines;
}

function sections(): (readonly [string, string])[] {
  const g = FAN_GLYPHS;
  const t = TIMELINE_GLYPHS;
  const w = TORNADO_GLYPHS;
  return [
    [
      'Reading the charts',
      `${g.outer} 90% of runs (p5-p95), ${g.inner} half of runs (p25-p75), ${g.median} median; comparing: the baseline shaded, the alternative as ${g.altEdge} ` +
        `p5/p95 and ${g.altMedian} median, and beneath, the difference alternative minus baseline run by run (the same random numbers for both), ${g.zero} zero. ` +
        `Stocks are on 31 December, flows totals over the year. The year cursor ${g.cursor} picks the year of the values panel and of lever changes.`,
    ],
    [
      'Policy timeline',
      `${t.on} a switch on, ${t.off} off or zero, ▁▂▃▄▅▆▇█ a level (shares of 100%, other levers of their highest value), ${t.running} a host programme running, ` +
        `${t.cut} cut in part, ${t.end} ended. Values written as expressions are shown at the parameters' medians. Changed levers are saved with s to a new ` +
        'file; the original is never overwritten.',
    ],
    [
      'Sensitivity (t)',
      `A tornado of the selected metric in the cursor year: each uncertain parameter at its p10 (${w.low}) and p90 (${w.high}) with the others at their ` +
        `medians, the mean of ${TORNADO_RUNS} runs on the same random numbers; ${w.base} the base, every parameter at its median. Largest swing first.`,
    ],
  ];
}

/**
 * The help screen (key ?): the keys, then how to read the charts, the timeline and the tornado, as many of
 * those as fit in `height` lines.
 */
export function HelpScreen({ width, height = Infinity }: { readonly width: number; readonly height?: number }) {
  // The border, the title and the keys, and the closing line under a blank, always; then each section (a blank,
  // its title, its text) while it fits.
  let room = height - 2 - 1 - KEY_HELP.length - 2;
  const shown: (readonly [string, string])[] = [];
  for (const s of sections()) {
    const need = 2 + wrappedLines(s[1], width - 4);
    if (need > room) break;
    shown.push(s);
    room -= need;
  }
  const all = shown.length === sections().length;
  return (
    <Box flexDirection="column" width={width} borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {KEY_HELP.map(([keys, what]) => (
        <Text key={keys} wrap="truncate">
          <Text color="yellowBright">{keys.padEnd(17)}</Text>
          {what}
        </Text>
      ))}
      {shown.map(([title, text]) => (
        <Box key={title} flexDirection="column">
          <Text> </Text>
          <Text bold>{title}</Text>
          <Text wrap="wrap">{text}</Text>
        </Box>
      ))}
      <Text> </Text>
      <Text color="gray">? or Esc closes this help{all ? '.' : '; a taller terminal shows how to read the charts.'}</Text>
    </Box>
  );
}
