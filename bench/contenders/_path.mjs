// What every third-party router needs before it can match: the path relative to
// the API base, without origin, /api/v0 prefix or query. Shared so all pay the same.
export const toPath = (url) => {
  let start = 0;
  if (url.charCodeAt(0) !== 47) {
    const slash = url.indexOf("/", url.indexOf("://") + 3);
    start = slash;
  }
  if (url.startsWith("/api/v0", start)) start += 7;
  let end = url.indexOf("?", start);
  if (end === -1) end = url.length;
  return url.slice(start, end);
};
