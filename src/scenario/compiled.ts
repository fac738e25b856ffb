import type { ModelLayout } from '../model/layout.js';
import type { Driver, InputSpec, Lever } from '../model/spec.js';
import type { Distribution } from '../random/distribution.js';
import type { Evaluator } from './expression.js';
import type { MergedScenario } from './loadChain.js';
import type { Path } from './parseYaml.js';

/** A checked value: a constant, or an expression to evaluate once per run; `path` says where it was written. */
export interface CompiledValue {
  readonly constant: number | undefined;
  readonly evaluate: Evaluator;
  /** The parameters an expression uses (none for a constant). */
  readonly symbols: readonly string[];
  readonly path: Path;
  readonly spec: InputSpec;
}

/**
 * A checked schedule: points at month offsets from the start (the first at or before 0; a linear one may end
 * with a point after the horizon, which sets the slope of its last months), stepped or linear.
 */
export interface CompiledSchedule {
  readonly kind: 'step' | 'linear';
  readonly points: readonly { readonly t: number; readonly value: CompiledValue }[];
  readonly path: Path;
  readonly spec: InputSpec;
  /** The monthly values, when no point depends on a parameter (then they are the same in every run). */
  readonly constant: Float64Array | undefined;
}

/** One uncertain parameter ready to draw. */
export interface CompiledParameter {
  readonly name: string;
  readonly dist: Distribution;
  readonly source: string;
  /** Whether draws are rounded to whole numbers. */
  readonly integer: boolean;
}

/** One host programme, checked. */
export interface CompiledHost {
  readonly id: string;
  readonly label: string;
  readonly initialWorkers: CompiledValue;
  readonly retention: CompiledValue;
  readonly deploymentSpeed: CompiledValue;
  readonly stayShareOnEnd: CompiledValue;
  readonly pressureHazard: CompiledValue;
  readonly pressureCutShare: CompiledValue;
  readonly missionLengthYears: CompiledValue;
  readonly renewalShare: CompiledValue;
  readonly demand: CompiledSchedule;
  readonly doctorShare: CompiledSchedule;
  readonly paymentUSD: CompiledSchedule;
  readonly oilBarrelsPerDay: CompiledSchedule;
  readonly oilValueShare: CompiledValue;
  /** Absent: the host's services are booked at the value received. */
  readonly bookedPriceUSD: CompiledSchedule | undefined;
  readonly defectionFactor: CompiledSchedule;
}

/** A scenario checked and compiled: what the Monte Carlo draws and resolves for each run. */
export interface CompiledScenario {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly text: string;
  /** `YYYY-MM` of the first and last simulated months. */
  readonly start: string;
  readonly end: string;
  readonly startMonth: number;
  readonly months: number;
  /** Calendar years reported, in order. */
  readonly years: readonly number[];
  readonly layout: ModelLayout;
  readonly parameters: readonly CompiledParameter[];
  readonly drivers: Readonly<Record<Driver, CompiledSchedule>>;
  readonly levers: Readonly<Record<Lever, CompiledSchedule>>;
  readonly hosts: readonly CompiledHost[];
  readonly events: readonly { readonly month: number; readonly host: number; readonly share: number }[];
  /** The merged scenario, kept to locate problems found while running. */
  readonly merged: MergedScenario;
}
