/** @file placeholder, replaced below */
export type Discovery = unknown; export type Block = unknown; export type CodeRange = unknown;
export function discover(): void {}
