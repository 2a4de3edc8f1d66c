// The wizard's page weight: all of its JavaScript, catalog and SDK mapping included, min+gzip.
import { expect, test } from "vitest";
import { buildWizard, gzipSize } from "../../wizard/build.mjs";

test("the wizard's JavaScript is at most 60 KB min+gzip, catalog included, and has no Node-only code", async () => {
  const { files, metafile } = await buildWizard({ write: false });
  const js = gzipSize(files["wizard.js"]!);
  expect(js).toBeLessThanOrEqual(60 * 1024);
  // The catalog and the SDK mapping are in it: the page reads nothing else.
  expect(js).toBeGreaterThan(20 * 1024);
  const inputs = Object.values(metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([f]) => f),
  );
  expect(inputs).toEqual(expect.arrayContaining(["data/dynamic.catalog.json", "data/dynamic-sdk-operations.json"]));
  expect(inputs.filter((f) => /^src\/(node|cli)\/|@babel\/parser|node_modules\/zod\//.test(f))).toEqual([]);
  expect(gzipSize(files["wizard.css"]!)).toBeLessThan(5 * 1024);
});
