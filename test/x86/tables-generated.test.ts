/**
 * @file src/x86/tables/_generated.ts is exactly what scripts/gen-x86-tables.ts generates from the
 * current rows (re-run the script after editing a row), and `tables()` loads the same arrays the
 * row compiler builds.
 */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { GENERATED_PATH, generateTablesSource } from "../../scripts/gen-x86-tables.ts";
import { buildTables } from "../../src/x86/tables/_build.ts";
import { tables, TABLE_ARRAYS } from "../../src/x86/tables/_load.ts";

test("_generated.ts matches the rows (run `bun scripts/gen-x86-tables.ts` if not)", () => {
  const same = readFileSync(GENERATED_PATH, "utf8") === generateTablesSource();
  expect(same ? "up to date" : "src/x86/tables/_generated.ts is stale: run bun scripts/gen-x86-tables.ts").toBe("up to date");
}, 60_000);

test("tables() loads what buildTables() compiles", () => {
  const built = buildTables(), loaded = tables();
  expect(loaded.formIds).toEqual(built.formIds);
  expect(loaded.mnemonics).toEqual(built.mnemonics);
  for (const name of Object.keys(TABLE_ARRAYS) as Array<keyof typeof TABLE_ARRAYS>) {
    expect(loaded[name].constructor).toBe(built[name].constructor);
    expect([name, ...loaded[name]]).toEqual([name, ...built[name]]);
  }
}, 60_000);
