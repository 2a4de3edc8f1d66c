import * as github from "@actions/github";

/** GitHub refuses comment bodies over 65,536 characters; the rest is cut with a note. */
const MAX_BODY = 60_000;

/** The hidden marker that finds this gate's comment again on the next push. */
export const marker = (key: string): string => `<!-- scopewise: ${key.replace(/--+/g, "-").replace(/[<>]/g, "")} -->`;

/** What the comment step did. */
export type CommentResult =
  | { readonly status: "created" | "updated"; readonly id: number; readonly url: string }
  | { readonly status: "skipped"; readonly reason: string };

const cut = (body: string): string =>
  body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY)}\n\n… cut: the full report is in the job summary.`;

/**
 * Posts the report on the pull request as one comment, found again by its hidden marker and updated in
 * place on each push, so a PR carries one scopewise comment however often it is pushed.
 */
export const upsertComment = async (token: string, key: string, markdown: string): Promise<CommentResult> => {
  const { context } = github;
  const onPr = context.eventName === "pull_request" || context.eventName === "pull_request_target";
  const number = onPr ? context.payload.pull_request?.number : undefined;
  if (number === undefined) return { status: "skipped", reason: `not a pull request (${context.eventName})` };
  if (token === "") return { status: "skipped", reason: "no token" };
  // GITHUB_API_URL is honoured by getOctokit (GitHub Enterprise Server, or a stand-in in tests).
  const octokit = github.getOctokit(token);
  const { owner, repo } = context.repo;
  const tag = marker(key);
  const body = cut(`${tag}\n${markdown}`);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  });
  // Ours: the marker, written by a bot (a user quoting the marker does not make their comment ours).
  const ours = comments.find((c) => c.body?.startsWith(tag) && c.user?.type === "Bot");
  if (ours) {
    const r = await octokit.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
    return { status: "updated", id: r.data.id, url: r.data.html_url };
  }
  const r = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
  return { status: "created", id: r.data.id, url: r.data.html_url };
};
