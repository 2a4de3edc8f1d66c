// What stands above the four steps: a link that could not be read in full, and a link that arrived while the
// page held the user's own inputs. Both wait for the user: the page never decides for them.
import { visible } from "./common.js";

/** A damaged link, or one from another version: a blocker until the user keeps what was read or starts over. */
export const LinkBlocker = (props: { problems: readonly string[]; onKeep: () => void; onClear: () => void }) => (
  <div class="callout bad" role="alert" data-testid="link-blocker">
    <h2>This link is damaged or from another version of this page</h2>
    <p>
      Parts of it could not be read, so the inputs below may be fewer than whoever made the link had, and the scopes may
      be too few. No create-token request is offered until you check the inputs and keep them, or start over.
    </p>
    <ul>
      {props.problems.map((p, i) => (
        <li key={i}>{visible(p)}</li>
      ))}
    </ul>
    <div class="row">
      <button type="button" onClick={props.onKeep}>
        I checked the inputs: keep them
      </button>
      <button type="button" class="quiet" onClick={props.onClear}>
        Start over
      </button>
    </div>
  </div>
);

/** Another link reached the address (pasted, or sent by another tab) while the page held the user's inputs. */
export const HashBanner = (props: { onLoad: () => void; onKeep: () => void }) => (
  <div class="callout warn" role="alert" data-testid="hash-banner">
    <h2>This link changed the inputs</h2>
    <p>
      The page&apos;s address now holds another link. Loading it replaces everything on this page: your calls, files,
      ticks, note and environment ID.
    </p>
    <div class="row">
      <button type="button" onClick={props.onLoad}>
        Load the new link
      </button>
      <button type="button" class="quiet" onClick={props.onKeep}>
        Keep mine
      </button>
    </div>
  </div>
);
