/**
 * @file Host CPU features the ARM64 backend may use (stage 6). Lowering asks `has(f, "flagm")`
 * before emitting CFINV/RMIF/SETF8/SETF16, and `flagm2` before AXFLAG/XAFLAG; without them it
 * falls back to plain MRS/MSR NZCV sequences. The defaults describe the baseline we always
 * target (ARMv8.0 + LSE, as Windows on Arm requires); everything else is opt-in.
 *
 *   const f = { ...BASELINE, flagm: true };
 *   if (has(f, "flagm")) emit(cfinv()); else emitCarryFlipViaNzcv();
 */
export interface HostFeatures {
  lse: boolean;
  rcpc: boolean;
  flagm: boolean;
  flagm2: boolean;
}

export const BASELINE: Readonly<HostFeatures> = { lse: true, rcpc: false, flagm: false, flagm2: false };

export const has = (f: HostFeatures, name: keyof HostFeatures): boolean => f[name];

/** Throw if a feature-gated instruction is requested on a host without it (a lowering bug). */
export function need(f: HostFeatures, name: keyof HostFeatures, what: string): void {
  if (!f[name]) throw new Error(`${what} needs FEAT_${name.toUpperCase()}, which the host feature set disables`);
}
