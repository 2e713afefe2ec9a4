/** docs/AGENTS.md (the one-line-per-file source outline) must match the sources' @file comments. */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./_env.ts";
import { renderAgents } from "../scripts/gen-agents.ts";

test("docs/AGENTS.md is current (re-run `bun scripts/gen-agents.ts`)", () => {
  expect(readFileSync(join(ROOT, "docs", "AGENTS.md"), "utf8")).toBe(renderAgents());
});

test("every source file opens with a @file comment", () => {
  expect(renderAgents()).not.toContain("(no @file comment)");
});
