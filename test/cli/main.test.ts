import { expect, test } from "bun:test";
import { runAot } from "../_env.ts";
import pkg from "../../package.json";

test("--version prints package.json's version", () => {
  const r = runAot(["--version"]);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toBe(pkg.version);
});

test("--help lists the verbs and exits 0", () => {
  const r = runAot(["--help"]);
  expect(r.code).toBe(0);
  expect(r.stdout + r.stderr).toContain("demo");
});

test("an unknown verb is a usage error (exit 2)", () => {
  const r = runAot(["no-such-verb"]);
  expect(r.code).toBe(2);
});
