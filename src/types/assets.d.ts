/** Binary assets imported with `with { type: "file" }` resolve to a path (embedded by `bun build --compile`). */
declare module "*.exe" {
  const path: string;
  export default path;
}

/** Text data imported with `with { type: "text" }` (embedded by `bun build --compile`). */
declare module "*.tsv" {
  const text: string;
  export default text;
}

declare module "*.bin" {
  const path: string;
  export default path;
}
