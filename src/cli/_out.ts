/**
 * @file The one way CLI verbs print (stage 0). Results go to stdout through {@link out}/{@link line},
 * everything for people (progress, warnings, errors) goes to stderr through {@link info},
 * {@link warn} and {@link errorLine}: one line each, no badges, no colour.
 *
 * - Backpressure: `await out(text)` resolves once the stream can take more, so a verb printing
 *   millions of lines to a slow pipe does not buffer them all; a verb that does not await still
 *   loses nothing, because `_run.ts` awaits {@link drain} (every write's callback) before it exits.
 * - EPIPE (the reader went away, `aot disasm big.dll | head -1`): the process exits at once, quietly,
 *   with code 0, the way `head`'s writers are expected to end (a pipeline under `set -o pipefail` does
 *   not fail because its reader stopped early). Nothing is printed about it.
 * - Text that came from a file (DLL and export names, code-map paths, error details) can hold
 *   control characters; {@link printable} escapes them, and every text line written here goes
 *   through it, so a crafted name cannot drive the terminal. JSON output is escaped by
 *   JSON.stringify except U+007F..U+009F, which {@link printable} writes as `\u00XX` (still valid JSON).
 * - Colour: only {@link useColor} decides (a TTY and no NO_COLOR / TERM=dumb).
 *
 *   await line(JSON.stringify(obj));
 *   info(`prefix ${root}`);          // stderr
 *   await drain();                   // before process.exit
 */

type Stream = NodeJS.WriteStream;

/** Exit code when the reader of stdout went away (EPIPE). */
export const EXIT_PIPE = 0;

let pending = 0;
let waiters: (() => void)[] = [];
const hooked = new WeakSet<Stream>();

function settle(): void {
  if (--pending > 0) return;
  const w = waiters;
  waiters = [];
  for (const f of w) f();
}

function hook(s: Stream): void {
  if (hooked.has(s)) return;
  hooked.add(s);
  s.on("error", (e: Error & { code?: string }) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED" || e.code === "ECONNRESET") process.exit(EXIT_PIPE);
    // Any other write failure (EIO, ENOSPC on a redirect): there is no one-line channel left that
    // is sure to work, so exit with the internal-error code rather than pretend success.
    process.exit(1);
  });
}

function write(s: Stream, text: string): Promise<void> | undefined {
  if (!text) return undefined;
  hook(s);
  pending++;
  const ok = s.write(text, () => settle());
  return ok ? undefined : new Promise<void>((r) => s.once("drain", r));
}

// C0 except \t and \n, DEL, C1, and the Unicode controls that reorder or hide text.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** `s` with control characters written as `\u00XX` escapes (safe on a terminal, valid inside JSON strings). */
export function printable(s: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Write `text` to stdout as is (after {@link printable}); await the result to respect backpressure. */
export function out(text: string): Promise<void> | undefined {
  return write(process.stdout, printable(text));
}

/** Write one line (or several joined lines) to stdout. */
export function line(text: string): Promise<void> | undefined {
  return out(text + "\n");
}

/**
 * Write bytes the caller formatted itself and knows hold no control characters (a code map's
 * block list: hex digits and punctuation), skipping {@link printable}'s scan and a string copy.
 * Resolves once the stream has handed `bytes` to the OS (its write callback), so the caller may
 * then reuse the buffer; a caller that keeps two buffers can format one while the other is written.
 */
export function outBytes(bytes: Uint8Array): Promise<void> {
  if (!bytes.length) return Promise.resolve();
  const s = process.stdout;
  hook(s);
  pending++;
  return new Promise<void>((r) => {
    s.write(bytes, () => {
      settle();
      r();
    });
  });
}

/** Write pre-rendered text (help with its colours) without escaping. */
export function outRaw(text: string): Promise<void> | undefined {
  return write(process.stdout, text);
}

/** One line on stderr, newlines inside it flattened so a message stays one line. */
function err(text: string): void {
  write(process.stderr, printable(text.replace(/\r?\n+/g, " ").trimEnd()) + "\n");
}

/** An informational line for people (never stdout, which is for results). */
export const info = (msg: string): void => err(msg);
/** A warning: `warning: msg` on stderr. */
export const warn = (msg: string): void => err(`warning: ${msg}`);
/** An error: `error: msg` on stderr, exactly one line. */
export const errorLine = (msg: string): void => err(`error: ${msg}`);

/** Resolves when everything written so far to stdout and stderr has been handed to the OS. */
export function drain(): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise<void>((r) => waiters.push(r));
}

/** True when `stream` should get ANSI colours: a terminal, NO_COLOR unset, TERM not dumb. */
export function useColor(stream: Stream = process.stdout): boolean {
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** `s` without ANSI escape sequences. */
export const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
