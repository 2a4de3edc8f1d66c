// A small worker for `scopewise scan examples/worker`: SDK calls and a plain fetch.
import { Configuration, UsersApi, WebhooksApi } from "@dynamic-labs/sdk-api";

const BASE = "https://app.dynamicauth.com/api/v0";
const config = new Configuration({ basePath: BASE, accessToken: process.env["DYNAMIC_TOKEN"] ?? "" });
const users = new UsersApi(config);
const webhooks = new WebhooksApi(config);

export async function syncUsers(environmentId: string): Promise<void> {
  const page = await users.getEnvironmentUsers({ environmentId, limit: 100 });
  for (const user of page.users ?? []) {
    await users.updateUser({
      environmentId,
      userId: user.id,
      updateUserRequest: { metadata: { synced: true } } as never,
    });
  }
  await webhooks.getWebhooks({ environmentId });
  await fetch(`${BASE}/environments/${environmentId}/users/bulk`, { method: "POST", body: "[]" });
}
