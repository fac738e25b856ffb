import { binomial } from '../random/binomial.js';
import { poisson } from '../random/poisson.js';
import type { RunInputs } from './inputs.js';
import type { OutputRows } from './outputRows.js';
import { intensityMonthly } from './rates.js';
import type { RunState } from './runState.js';

/**
 * 3. Doctors at home: graduates in, retirement and emigration out.
 *
 *     graduation ~ Poisson(graduatesPerYear(t) / 12)                      (X036, X038, X042-X046)
 *     retirement ~ Binomial(domesticDoctors, 1 - (1 - retirementRate)^(1/12))     (a yearly share)
 *     emigration ~ Binomial(domesticDoctors - retirement, 1 - exp(-e(t) / 12))   (a yearly intensity)
 *     e(t) = emigrationBaseRate × emigrationPressure(t) × permission(t) × salary(t)
 *     permission(t) = 1 - travelPermissionCoverage(t) × (1 - permissionEmigrationFactor)   (X255-X258, S023)
 *     salary(t) = (domesticSalaryUSD(t) / salaryReferenceUSD) ^ (-salaryElasticity)
 */
export function doctorsAtHome(s: RunState, inputs: RunInputs, rows: OutputRows, pRetire: number, t: number, y: number): void {
  const graduates = poisson(s.rGrad, inputs.graduatesPerYear[t] / 12);
  const retiring = binomial(s.rRetire, s.domestic, pRetire);
  const permissionFactor = 1 - inputs.travelPermissionCoverage[t] * (1 - inputs.permissionEmigrationFactor);
  const salary = inputs.domesticSalaryUSD[t];
  if (salary !== s.lastSalary) {
    s.lastSalary = salary;
    s.salaryFactor = Math.pow(salary / inputs.salaryReferenceUSD, -inputs.salaryElasticity);
  }
  const emigrationHazard = inputs.emigrationBaseRate * inputs.emigrationPressure[t] * permissionFactor * s.salaryFactor;
  if (emigrationHazard !== s.lastEmigrationHazard) {
    s.lastEmigrationHazard = emigrationHazard;
    s.pEmigrate = intensityMonthly(emigrationHazard);
  }
  const emigrating = binomial(s.rEmig, s.domestic - retiring, s.pEmigrate);
  s.domestic += graduates - retiring - emigrating;
  s.retired += retiring;
  s.emigrated += emigrating;
  s.out[rows.graduation + y] += graduates;
  s.out[rows.retirement + y] += retiring;
  s.out[rows.domesticEmigration + y] += emigrating;
}
