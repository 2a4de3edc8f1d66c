/** Single-file components whose `<script>` blocks hold JS/TS: Vue, Svelte, Astro (and its frontmatter). */
export const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/i;

const SCRIPT = /(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi;
const FRONTMATTER = /^(\s*---\r?\n)([\s\S]*?)\r?\n---/;

/**
 * A component's scripts as one JS/TS text, everything else blanked to spaces with every line break kept,
 * so a finding's line and column are the component's own. TypeScript when a block says `lang="ts"` (or
 * the file is Astro, whose frontmatter is TypeScript).
 */
export const componentScript = (text: string, file: string): { readonly text: string; readonly ts: boolean } => {
  const keep: [number, number][] = [];
  let ts = /\.astro$/i.test(file);
  if (ts) {
    const fm = FRONTMATTER.exec(text);
    if (fm) keep.push([(fm[1] as string).length, (fm[1] as string).length + (fm[2] as string).length]);
  }
  for (const m of text.matchAll(SCRIPT)) {
    const open = m[1] as string;
    if (/\blang\s*=\s*["']?tsx?\b/i.test(open)) ts = true;
    const start = m.index + open.length;
    keep.push([start, start + (m[2] as string).length]);
  }
  let out = "";
  let at = 0;
  const blank = (s: string) => s.replace(/[^\r\n]/g, " ");
  for (const [start, end] of keep.sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += blank(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  return { text: out + blank(text.slice(at)), ts };
};
