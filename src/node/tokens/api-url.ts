import { printable } from "../../util/printable.js";
import { ApiError } from "./api-error.js";

// Apart from the client, so the CLI's option table can check --api-url without loading it.

/** Dynamic's admin API, as the SDK's `BASE_PATH`. */
export const DEFAULT_API_URL = "https://app.dynamicauth.com/api/v0";

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** The API URL, checked: https, or http only to a loopback address (a token never crosses a network in clear). */
export const checkApiUrl = (value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError("usage", `--api-url ${JSON.stringify(printable(value, 80))} is not a URL`);
  }
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local))
    throw new ApiError(
      "usage",
      "--api-url must be https (http only to 127.0.0.1, [::1] or localhost), " +
        `not ${JSON.stringify(printable(value, 80))}`,
    );
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "")
    throw new ApiError("usage", "--api-url must not carry credentials, a query or a fragment");
  return url.href.replace(/\/+$/, "");
};
