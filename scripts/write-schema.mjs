// Regenerates data/catalog.schema.json and data/config.schema.json from the zod schemas (run via `npm run schema`).
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { catalogSchema } from "../dist/esm/catalog/schema.js";
import { configSchema } from "../dist/esm/gate/config-schema.js";

const write = (file, schema) =>
  writeFileSync(new URL(`../data/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write("catalog.schema.json", { ...z.toJSONSchema(catalogSchema), title: "scopewise catalog" });
write("config.schema.json", { ...z.toJSONSchema(configSchema), title: "scopewise.config.json" });
