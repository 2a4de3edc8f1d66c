import type { Command } from "../command.js";
import { catalogDiff } from "./catalog-diff.js";
import { catalogDrift } from "./catalog-drift.js";
import { catalogImport } from "./catalog-import.js";
import { check } from "./check.js";
import { need } from "./need.js";
import { plan } from "./plan.js";
import { scan } from "./scan.js";
import { grants, scopes } from "./scopes.js";
import { verify } from "./verify.js";
import { tokenAudit } from "./token-audit.js";
import { tokenCreate } from "./token-create.js";
import { tokenWhoami } from "./token-whoami.js";

/** Every command, in the order `scopewise --help` lists them. */
export const COMMANDS: readonly Command[] = [
  need,
  plan,
  check,
  scan,
  verify,
  scopes,
  grants,
  tokenAudit,
  tokenCreate,
  tokenWhoami,
  catalogImport,
  catalogDiff,
  catalogDrift,
] as unknown as readonly Command[];
