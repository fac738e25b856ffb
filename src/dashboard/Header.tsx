import { Box, Text } from 'ink';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { RunState } from './useMonteCarlo.js';

/** What the header shows: the scenarios, the run settings and where the runs stand. */
export interface HeaderProps {
  readonly base: CompiledScenario;
  readonly alternative?: CompiledScenario;
  readonly runs: number;
  readonly seed: number;
  readonly state: RunState;
  readonly width: number;
}

/** Formats milliseconds as `0.8 s`, `42 s` or `3m05s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.max(0, ms / 1000);
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/** Draws a progress bar of `width` cells, filled in eighths. */
export function progressBar(done: number, total: number, width: number): string {
  const f = total > 0 ? Math.max(0, Math.min(1, done / total)) : 0;
  const eighths = Math.round(f * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const bar = '█'.repeat(full) + (part > 0 ? '▏▎▍▌▋▊▉'[part - 1] : '');
  return bar.padEnd(width, '·');
}

/** Says where the runs stand: a progress bar with runs done and time left, or what the charts show. */
export function progressText(state: RunState, runs: number, alternative: boolean, barWidth: number): string {
  if (state.error) return `runs failed: ${state.error}`;
  const shown = state.result ? `showing ${state.result.runs === runs ? '' : 'a quick look, '}${state.result.runs} runs` : '';
  if (!state.running) return `${shown} (took ${formatDuration(state.elapsed)})`;
  const pass = state.quick ? 'quick look' : state.result ? 'refining' : 'running';
  if (alternative) {
    return `${pass}: both scenarios, ${state.total} runs each, on the same random numbers... ${formatDuration(state.elapsed)}${shown ? `  (${shown})` : ''}`;
  }
  const rate = state.done / Math.max(1, state.elapsed);
  const left = state.done > 0 ? formatDuration((state.total - state.done) / rate) : '?';
  return `${pass} [${progressBar(state.done, state.total, barWidth)}] ${state.done}/${state.total} runs, ${left} left${shown ? `  (${shown})` : ''}`;
}

/** The first two lines: which scenario (or comparison) with its horizon, runs and seed; then the progress. */
export function Header({ base, alternative, runs, seed, state, width }: HeaderProps) {
  const names = alternative ? `${base.name} vs ${alternative.name}` : `${base.name} (${base.file})`;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold>brigadas</Text> {names}
        <Text color="gray">
          {'  '}
          {base.start} to {base.end} · {runs} runs · seed {seed}
        </Text>
      </Text>
      <Text wrap="truncate" color={state.error ? 'red' : undefined}>
        {progressText(state, runs, alternative !== undefined, Math.max(10, Math.min(40, width - 60)))}
      </Text>
    </Box>
  );
}
