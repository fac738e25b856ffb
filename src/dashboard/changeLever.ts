import { basename } from 'node:path';
import { LEVERS, type Lever } from '../model/spec.js';
import type { CompiledScenario } from '../scenario/compiled.js';
import type { Result } from '../scenario/diagnostic.js';
import { parseScenario } from '../scenario/loadScenario.js';
import { monthIndex, monthText } from '../scenario/month.js';
import { renameEdited, setLeverFrom } from './editLever.js';
import { nextLeverValue } from './leverInfo.js';
import { memoryFilePort } from '../scenario/memoryFilePort.js';
import { editedText, withEditNote } from './scenarioText.js';
import { parameterMedians, scheduleAtMedians } from '../scenario/parameterMedians.js';
import { yearStartOffset } from './scenarioValues.js';

/** A lever's value from January of a year, with expressions at the parameters' medians. */
export function leverValueIn(c: CompiledScenario, lever: Lever, year: number, medians = parameterMedians(c)): number {
  return scheduleAtMedians(c.levers[lever], medians, c.months)[yearStartOffset(c, year)];
}

/**
 * Moves a lever one step (+1 or -1; a switch toggles) from January of `year` to the end of the horizon, and
 * compiles the changed scenario from its edited YAML, in which only the lines the change touches differ. Returns undefined when the lever is already at the end of
 * its legal range, otherwise the compiled scenario (its first source's document is the edited file) or why it
 * did not compile.
 */
export function changeLever(c: CompiledScenario, lever: Lever, year: number, direction: 1 | -1): Result<CompiledScenario> | undefined {
  const medians = parameterMedians(c);
  const current = leverValueIn(c, lever, year, medians);
  const next = nextLeverValue(lever, current, direction);
  if (next === current) return undefined;
  const from = monthText(Math.max(monthIndex(c.start), year * 12));
  const held = scheduleAtMedians(c.levers[lever], medians, c.months)[Math.max(0, monthIndex(from) - monthIndex(c.start) - 1)];
  const doc = setLeverFrom(c, lever, from, LEVERS[lever].boolean ? next >= 0.5 : next, held);
  renameEdited(doc, c.name);
  const src = c.merged.sources[0];
  const text = withEditNote(editedText(src.text, src.doc, doc, lever), basename(c.file));
  return parseScenario(text, c.file, memoryFilePort(c.merged.sources));
}
