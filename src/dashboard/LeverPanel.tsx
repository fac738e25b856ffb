import { Box, Text } from 'ink';
import type { CompiledScenario } from '../scenario/compiled.js';
import { leverValueIn } from './changeLever.js';
import { formatLever, LEVER_LABELS, LEVER_ORDER } from './leverInfo.js';
import { parameterMedians } from '../scenario/parameterMedians.js';

/** What the lever panel shows: the scenario being changed, as it was and as it is, in the cursor's year. */
export interface LeverPanelProps {
  readonly scenario: CompiledScenario;
  readonly original: CompiledScenario;
  readonly year: number;
  readonly selected: number;
  readonly changes: number;
  /** Whether the changes are on screen only (not in a saved file): quitting then asks. */
  readonly unsaved: boolean;
  readonly width: number;
}

/**
 * The levers of the scenario being changed, with their values from January of the cursor's year (expressions
 * at the parameters' medians); the picked lever is marked ▸ and a lever changed from the original is marked *.
 */
export function LeverPanel({ scenario, original, year, selected, changes, unsaved, width }: LeverPanelProps) {
  const now = parameterMedians(scenario);
  const before = parameterMedians(original);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        Levers from January {year} <Text color="gray">(↑↓ pick, +/- change)</Text>
      </Text>
      {LEVER_ORDER.map((lever, k) => {
        const v = leverValueIn(scenario, lever, year, now);
        const changed = v !== leverValueIn(original, lever, year, before);
        return (
          <Text key={lever} wrap="truncate" bold={k === selected} color={k === selected ? 'yellowBright' : undefined}>
            {k === selected ? '▸ ' : '  '}
            {LEVER_LABELS[lever].padEnd(15)}
            {formatLever(lever, v).padStart(12)}
            {changed ? ' *' : ''}
          </Text>
        );
      })}
      <Text color="gray" wrap="truncate">
        {changes === 0 ? 'unchanged scenario' : `${changes} change${changes === 1 ? '' : 's'}${unsaved ? ', unsaved: s saves' : ', saved'}, u undoes`}
      </Text>
    </Box>
  );
}
