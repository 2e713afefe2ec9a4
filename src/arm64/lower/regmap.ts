/**
 * @file Stage 6 (ARM64 lowering): the static guest → host register map (docs/runtime-abi.md §3).
 * The guest registers use the Windows ARM64EC mapping; RSP lives in x15; STATE, PF and AF in
 * x12, x10, x11; x6, x7, x9, x16, x17, x30 are the temporaries. x13, x14, x23, x24, x28 are
 * never used (no slot in an ARM64EC context) and x18 is the TEB.
 *
 *   HOST_GPR[GPR.RBX] // 27
 */

/** Host register of each guest GPR, indexed in x86 order (RAX, RCX, … R15). */
export const HOST_GPR: readonly number[] = [8, 0, 1, 27, 15, 29, 25, 26, 2, 3, 4, 5, 19, 20, 21, 22];
/** Pointer to the guest state block. */
export const HOST_STATE = 12;
/** Lazy PF source: parity of its low byte (even → PF = 1). */
export const HOST_PF = 10;
/** Lazy AF source: bit 4. */
export const HOST_AF = 11;
/** Scratch registers, in allocation order. x16/x17 are also the exit registers (§5). */
export const HOST_TEMPS: readonly number[] = [9, 6, 7, 30, 16, 17];
/** Exit protocol: x16 = guest RIP to continue at, x17 = the symbol entry loaded from the table. */
export const HOST_EXIT_RIP = 16;
export const HOST_EXIT_SYM = 17;
/** Registers translated code must never touch (ARM64EC: no context slot; x18: TEB). */
export const HOST_FORBIDDEN: readonly number[] = [13, 14, 18, 23, 24, 28];

/**
 * Host vector register of guest XMMn is vn (ARM64EC: XMM0-15 = v0-v15; WOW64 guests have
 * XMM0-7 in v0-v7). The vector scratch borrows the highest register the instruction does not
 * name: v15 first (always free under WOW64, whose guests have no XMM15), parked at STATE.VSCRATCH
 * for ARM64EC guests (ABI §3.2).
 */
export const HOST_VSCRATCH_ORDER: readonly number[] = [15, 14, 13, 12];
