import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { z } from "zod";
import { catalogSchema } from "../../src/catalog/schema.js";

test("the committed JSON Schema is generated from the zod schema (run `npm run schema` if this fails)", () => {
  const committed: unknown = JSON.parse(
    readFileSync(new URL("../../data/catalog.schema.json", import.meta.url), "utf8"),
  );
  expect(committed).toEqual({ ...z.toJSONSchema(catalogSchema), title: "scopewise catalog" });
});
