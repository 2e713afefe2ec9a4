/**
 * @file Stage 1 (PE loader): image identity.
 *
 * - {@link fileIdOf}: FEX's Windows code-map FileId (FEX::Windows::ComputeCodeMapId, reference
 *   fex-codecache.md §2.1): `XXH3_64(lowercase(basename)) XOR ((SizeOfImage << 32) | TimeDateStamp)`.
 *   Bun.hash.xxHash3 is XXH3-64 with seed 0 (checked in test/pe against the reference vector
 *   XXH3_64("") = 0x2d06800538d394c2). The basename is lower-cased with JS toLowerCase and hashed
 *   as UTF-8; Windows paths are case-insensitive, so "KERNEL32.DLL" and "kernel32.dll" agree.
 * - {@link contentHashOf}: SHA-256 (Bun.CryptoHasher) of the whole file, as 64 lowercase hex
 *   digits. It changes whenever any byte does, unlike the FileId.
 *
 *   fileIdOf("C:\\windows\\system32\\kernel32.dll", 0x21b000, 0x5f3c1b2a);  // bigint
 *   fileIdHex(id);  // "3f0c...", 16 digits, as FEX names files
 */

const MASK64 = (1n << 64n) - 1n;

/** Base name of a Windows or POSIX path. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return path.slice(i + 1);
}

export function fileIdOf(name: string, sizeOfImage: number, timeDateStamp: number): bigint {
  const h = BigInt.asUintN(64, BigInt(Bun.hash.xxHash3(baseName(name).toLowerCase())));
  const tag = (BigInt(sizeOfImage >>> 0) << 32n) | BigInt(timeDateStamp >>> 0);
  return (h ^ tag) & MASK64;
}

/** 16 lowercase hex digits, as in FEX's `<basename>-<fileid16>` file names. */
export const fileIdHex = (id: bigint): string => id.toString(16).padStart(16, "0");

export function contentHashOf(bytes: Uint8Array): string {
  return new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
}
