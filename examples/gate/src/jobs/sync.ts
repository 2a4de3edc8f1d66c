// The nightly user sync: reads users and marks them synced through Dynamic's admin API.
import { Configuration, UsersApi } from "@dynamic-labs/sdk-api";

const config = new Configuration({
  basePath: "https://app.dynamicauth.com/api/v0",
  accessToken: process.env["DYNAMIC_TOKEN"] ?? "",
});
const users = new UsersApi(config);

export async function syncUsers(environmentId: string): Promise<void> {
  const page = await users.getEnvironmentUsers({ environmentId, limit: 100 });
  for (const user of page.users ?? []) {
    await users.updateUser({
      environmentId,
      userId: user.id,
      updateUserRequest: { metadata: { synced: true } } as never,
    });
  }
}
