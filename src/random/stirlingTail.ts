// log(k!) - [(k + 0.5) log(k + 1) - (k + 1) + 0.5 log(2 pi)] for k = 0..9, from the exact factorials.
const TABLE = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
  0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
  0.009255462182712733, 0.008330563433362871,
];

/** Returns the error of Stirling's formula for log(k!), the correction term of the BTRS and PTRS samplers. */
export function stirlingTail(k: number): number {
  if (k < 10) return TABLE[k];
  const kp1 = k + 1;
  const kp1sq = kp1 * kp1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / kp1;
}
