/**
 * @file Typed errors shared by every stage.
 *
 * Every failure caused by what the user handed us (a truncated PE, a corrupt code map, a missing
 * DLL, a full disk) is an {@link InputError}: one line that names the file and what is wrong. The
 * CLI prints `error: <message>` and exits 2 for these; anything else is a bug in aot and exits 1
 * with a stack trace under `--debug`.
 *
 *   throw new InputError("game.exe", "section table runs past the end of the file (offset 0x400)");
 */

/** A problem with the user's input. `file` is the path (or name) the message is about. */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    readonly file: string,
    readonly detail: string,
    /** A short machine-readable kind, e.g. "truncated", "bad-magic", "corrupt". */
    readonly kind: string = "invalid",
  ) {
    super(file ? `${file}: ${detail}` : detail);
  }
}

/** Misuse of the command line (bad flag value, missing argument). Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Exit codes used by every command. */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;
