// Regenerates data/dynamic-sdk-operations.json from the installed @dynamic-labs/sdk-api
// (run via `npm run sdk-operations` after upgrading the SDK or the catalog).
import { writeFileSync } from "node:fs";
import { dynamicCatalog, requiredScopes } from "../dist/esm/index.js";
import { readSdk } from "../dist/esm/node/catalog/sdk-extract.js";
import { buildMapping } from "../dist/esm/node/catalog/sdk-mapping.js";

const mapping = buildMapping(readSdk(undefined, process.cwd()), dynamicCatalog, requiredScopes);
writeFileSync(new URL("../data/dynamic-sdk-operations.json", import.meta.url), `${JSON.stringify(mapping, null, 2)}\n`);
const undocumented = mapping.operations.filter((o) => !o.documented);
console.log(
  `${mapping.sdk.name} ${mapping.sdk.version}: ${mapping.operations.length} operations, ${undocumented.length} with no documented scope`,
);
