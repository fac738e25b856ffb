import { z } from 'zod';
import { DRIVERS, HOST_FIELDS, HOST_SCHEDULE_FIELDS, LEVERS, MODEL_PARAMETERS, type InputSpec } from '../model/spec.js';
import { rangeText } from './rangeProblem.js';

/** A calendar month written YYYY-MM. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A parameter's name, as expressions can write it. */
export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A host's id; it becomes part of metric names (`doctorsAbroad.brazil`). */
export const HOST_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

const month = z.string().regex(MONTH_PATTERN, 'a month as YYYY-MM');
const source = z.string().min(1).describe('where the figures come from: evidence row ids (S001, X086...) or a source name');
const finite = z.number();

/** A number, a switch, or an expression over the scenario's parameters (a string, checked when compiled). */
export const valueSchema = z
  .union([finite, z.boolean(), z.string().min(1)])
  .describe('a number, true/false, or an expression over named parameters such as "venezuelaOilFuture * 0.6"');

const points = z.record(month, valueSchema).describe('values by month (YYYY-MM: value)');

/**
 * A value over time: a constant, a step schedule (`{2006-08: true, 2017-01: false}`: each value holds from
 * its month on) or a linear one (`{linear: {2003-01: 0, 2005-12: 20000}}`: straight lines between points).
 */
export const scheduleSchema = z.union([valueSchema, z.strictObject({ linear: points }), points]);

// An input's own value: a number in its legal range (so editors flag one outside it as it is typed), a
// switch, or an expression; expressions are checked against the range when compiled and in every run.
const valueFor = (spec: InputSpec) =>
  z
    .union([finite.min(spec.min).max(spec.max), z.boolean(), z.string().min(1)])
    .describe(`${spec.doc} (${spec.unit}, ${rangeText(spec)}): ${spec.boolean ? 'true or false' : 'a number'}, or an expression over named parameters`);

const scheduleFor = (spec: InputSpec) => {
  const byMonth = z.record(month, valueFor(spec)).describe('values by month (YYYY-MM: value)');
  return z.union([valueFor(spec), z.strictObject({ linear: byMonth }), byMonth]).describe(`${spec.doc} (${spec.unit}, ${rangeText(spec)})`);
};

const bounds = { min: finite.optional(), max: finite.optional() };

/** One uncertain parameter: a distribution and where its numbers come from. */
export const parameterSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: finite, source }),
  z.strictObject({ dist: z.literal('uniform'), min: finite, max: finite, source }),
  z.strictObject({ dist: z.literal('triangular'), min: finite, mode: finite, max: finite, source }),
  z.strictObject({ dist: z.literal('normal'), mean: finite, sd: finite, ...bounds, source }),
  z.strictObject({ dist: z.literal('lognormal'), median: finite, sigma: finite, ...bounds, source }),
  z.strictObject({ dist: z.literal('beta'), alpha: finite, beta: finite, ...bounds, source }),
  z.strictObject({ dist: z.literal('pert'), min: finite, mode: finite, max: finite, lambda: finite.optional(), source }),
  z.strictObject({ dist: z.literal('discrete'), values: z.array(finite).min(1), weights: z.array(finite).optional(), source }),
]);

const hostShape: Record<string, z.ZodType> = { label: z.string().optional() };
for (const [field, spec] of Object.entries(HOST_FIELDS) as [string, InputSpec][]) {
  const isSchedule = (HOST_SCHEDULE_FIELDS as readonly string[]).includes(field);
  hostShape[field] = (isSchedule ? scheduleFor(spec) : valueFor(spec)).optional();
}

/** One host programme: its demand, payments, retention and behaviour. */
export const hostSchema = z.strictObject(hostShape);

const scheduleMap = (specs: Record<string, InputSpec>) => z.strictObject(Object.fromEntries(Object.keys(specs).map((k) => [k, scheduleFor(specs[k]).optional()])));

/** A dated cut of a host programme (share 1 ends it). */
export const eventSchema = z.strictObject({
  date: month,
  host: z.string().min(1),
  share: finite.optional().describe('share of the programme that ends (default 1: all of it)'),
  note: z.string().optional(),
});

// JSON Schema cannot give each key of a record its own range: the parameters' description lists them.
const PARAMETERS_DOC = `uncertain parameters, each a distribution and a source; the model reads these, whose distributions must stay in their legal ranges: ${(
  Object.entries(MODEL_PARAMETERS) as [string, InputSpec][]
)
  .map(([name, spec]) => `${name} (${spec.unit}, ${rangeText(spec)})`)
  .join(', ')}`;

/**
 * One scenario file. Every section is optional in a file that `extends` another; the merged scenario must
 * have a name, a horizon, every model parameter and every driver.
 */
export const scenarioFileSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    extends: z.string().min(1).optional().describe('a scenario file this one changes, relative to this file'),
    start: month.optional().describe('first month simulated'),
    end: month.optional().describe('last month simulated'),
    parameters: z
      .record(z.string().regex(PARAMETER_NAME, 'a parameter name: a letter or _, then letters, digits and _'), parameterSchema)
      .optional()
      .describe(PARAMETERS_DOC),
    drivers: scheduleMap(DRIVERS).optional(),
    levers: scheduleMap(LEVERS).optional(),
    hosts: z.record(z.string().regex(HOST_ID, 'a host id: a letter, then letters, digits and _'), hostSchema).optional(),
    events: z.array(eventSchema).optional(),
  })
  .describe('A brigadas scenario: uncertain parameters, exogenous drivers, policy levers, host programmes and dated events.');

/** A scenario file as written (after structural validation). */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
/** A value as written: number, switch or expression. */
export type Value = z.infer<typeof valueSchema>;
/** A schedule as written. */
export type Schedule = z.infer<typeof scheduleSchema>;
/** An uncertain parameter as written. */
export type ParameterFile = z.infer<typeof parameterSchema>;

/** Returns the JSON Schema of scenario files, for editors (yaml-language-server) and `brigadas schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(scenarioFileSchema), title: 'brigadas scenario' };
}
