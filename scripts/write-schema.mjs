// Regenerates data/catalog.schema.json from the zod schema (run via `npm run schema`).
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { catalogSchema } from "../dist/esm/catalog/schema.js";

const schema = { ...z.toJSONSchema(catalogSchema), title: "scopewise catalog" };
writeFileSync(new URL("../data/catalog.schema.json", import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
