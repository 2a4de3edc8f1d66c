import { expect, test } from "vitest";
import { routePattern } from "../../src/catalog/route-pattern.js";
import { splitTemplate } from "../../src/catalog/split-template.js";

const holds = (template: string, url: string, from = 0): boolean => {
  const pattern = routePattern(splitTemplate(template))!;
  pattern.lastIndex = from;
  return pattern.test(url);
};

test.each([
  ["/users/:id", "/users/u1", true],
  ["/users/:id", "/users/u1/", true],
  ["/users/:id", "/users/u1?limit=5&a=/b", true],
  ["/users/:id", "/users/u1#top", true],
  ["/users/:id", "/users/u1//", false],
  ["/users/:id", "/users/", false],
  ["/users/:id", "/users/u1/x", false],
  ["/users/:id", "/Users/u1", false],
  ["/users/:id", "/users/u%41", false],
  ["/users/:id", "/users/u;1", false],
  ["/users/:id", "/users/u\\1", false],
  ["/users/:id", "/users/ü", false],
  ["/users/:id", "/users/u 1", false],
  ["/users/:id", "/users/u1?a b", false],
  ["/a.b/:id", "/aXb/1", false],
  ["/a.b/:id", "/a.b/1", true],
  ["/", "/", true],
  ["/", "", true],
])("%s holds %j: %s", async (template, url, expected) => {
  expect(holds(template, url)).toBe(expected);
});

test("it is sticky: it reads from lastIndex, so a base URL before the path is skipped, not matched", () => {
  const url = "https://app.example.test/v1/users/u1";
  expect(holds("/users/:id", url, url.indexOf("/users"))).toBe(true);
  expect(holds("/users/:id", url, 0)).toBe(false);
});

test("a literal that is not plain itself gets no pattern, so the guess never answers for it", () => {
  expect(routePattern(splitTemplate("/a;b/:id"))).toBeUndefined();
  expect(routePattern(splitTemplate("/a%20b"))).toBeUndefined();
});
