import type { Node } from "@babel/types";
import { walk } from "./walk.js";

/** What one file says about names: SDK imports, SDK client instances, and constant strings. */
export interface Bindings {
  /** True when the file imports or requires `@dynamic-labs/sdk-api`. */
  readonly importsSdk: boolean;
  /** Local name → SDK export (`import { UsersApi as U }` gives U → UsersApi); namespaces map to `*`. */
  readonly sdkNames: ReadonlyMap<string, string>;
  /** Receiver key (`users`, `this.users`) → SDK class, from `new UsersApi()` or a `: UsersApi` annotation. */
  readonly clients: ReadonlyMap<string, string>;
  /** `const NAME = …` string expressions (literals, templates, `+` chains) declared once: their initialisers. */
  readonly constants: ReadonlyMap<string, Node>;
}

const SDK = "@dynamic-labs/sdk-api";
const isSdkSource = (s: string): boolean => s === SDK || s.startsWith(`${SDK}/`);

/** `users`, `this.users`, `this.#users`: the key a receiver expression is remembered by. */
export const receiverKey = (node: Node | null | undefined): string | undefined => {
  if (!node) return undefined;
  if (node.type === "Identifier") return node.name;
  if (
    (node.type === "MemberExpression" || node.type === "OptionalMemberExpression") &&
    node.object.type === "ThisExpression" &&
    !node.computed
  ) {
    if (node.property.type === "Identifier") return `this.${node.property.name}`;
    if (node.property.type === "PrivateName") return `this.#${node.property.id.name}`;
  }
  return undefined;
};

/** The SDK class a `new X()` or `new sdk.X()` constructs, if X is an SDK import. */
export const constructedClass = (
  node: Node | null | undefined,
  sdkNames: ReadonlyMap<string, string>,
): string | undefined => {
  if (node?.type !== "NewExpression") return undefined;
  const c = node.callee;
  if (c.type === "Identifier") return sdkNames.get(c.name);
  if (
    c.type === "MemberExpression" &&
    c.object.type === "Identifier" &&
    sdkNames.get(c.object.name) === "*" &&
    c.property.type === "Identifier"
  )
    return c.property.name;
  return undefined;
};

const annotatedClass = (node: Node | null | undefined, sdkNames: ReadonlyMap<string, string>): string | undefined => {
  const t = node?.type === "TSTypeAnnotation" ? node.typeAnnotation : undefined;
  if (t?.type !== "TSTypeReference") return undefined;
  const n = t.typeName;
  if (n.type === "Identifier") return sdkNames.get(n.name);
  if (n.type === "TSQualifiedName" && n.left.type === "Identifier" && sdkNames.get(n.left.name) === "*")
    return n.right.name;
  return undefined;
};

const requireOf = (node: Node | null | undefined): string | undefined =>
  node?.type === "CallExpression" &&
  node.callee.type === "Identifier" &&
  node.callee.name === "require" &&
  node.arguments[0]?.type === "StringLiteral"
    ? node.arguments[0].value
    : undefined;

/** One pass over a file's AST collecting {@link Bindings}. */
export const collectBindings = (ast: Node): Bindings => {
  const sdkNames = new Map<string, string>();
  let importsSdk = false;
  const pending: { key: string; value: Node | null | undefined; annotation?: Node | null | undefined }[] = [];
  const constants = new Map<string, Node | null>();
  walk(ast, (node) => {
    if (node.type === "VariableDeclaration" && node.kind === "const") {
      for (const d of node.declarations) {
        // A name declared twice is ambiguous without scope analysis: it resolves to nothing.
        if (d.id.type === "Identifier" && d.init) constants.set(d.id.name, constants.has(d.id.name) ? null : d.init);
      }
    }
    if (node.type === "ImportDeclaration" && isSdkSource(node.source.value)) {
      importsSdk = true;
      for (const s of node.specifiers)
        sdkNames.set(
          s.local.name,
          s.type === "ImportSpecifier" ? (s.imported.type === "Identifier" ? s.imported.name : s.imported.value) : "*",
        );
    } else if (node.type === "VariableDeclarator" && node.id.type === "Identifier") {
      const source = requireOf(node.init);
      if (source !== undefined && isSdkSource(source)) {
        importsSdk = true;
        sdkNames.set(node.id.name, "*");
      }
      pending.push({ key: node.id.name, value: node.init, annotation: node.id.typeAnnotation });
    } else if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern") {
      const source = requireOf(node.init);
      if (source !== undefined && isSdkSource(source)) {
        importsSdk = true;
        for (const p of node.id.properties)
          if (p.type === "ObjectProperty" && p.key.type === "Identifier" && p.value.type === "Identifier")
            sdkNames.set(p.value.name, p.key.name);
      }
    } else if (node.type === "AssignmentExpression") {
      const key = receiverKey(node.left);
      if (key) pending.push({ key, value: node.right });
    } else if ((node.type === "ClassProperty" || node.type === "ClassPrivateProperty") && !node.static) {
      const key =
        node.key.type === "Identifier"
          ? `this.${node.key.name}`
          : node.key.type === "PrivateName"
            ? `this.#${node.key.id.name}`
            : undefined;
      if (key) pending.push({ key, value: node.value, annotation: node.typeAnnotation });
    } else if (node.type === "TSParameterProperty" && node.parameter.type === "Identifier") {
      pending.push({ key: `this.${node.parameter.name}`, value: undefined, annotation: node.parameter.typeAnnotation });
      pending.push({ key: node.parameter.name, value: undefined, annotation: node.parameter.typeAnnotation });
    } else if (node.type === "Identifier" && node.typeAnnotation) {
      pending.push({ key: node.name, value: undefined, annotation: node.typeAnnotation });
    }
  });
  // Classes are resolved after imports are known, wherever in the file the import stands.
  const clients = new Map<string, string>();
  for (const p of pending) {
    const cls = constructedClass(p.value, sdkNames) ?? annotatedClass(p.annotation, sdkNames);
    if (cls !== undefined) clients.set(p.key, cls);
  }
  return {
    importsSdk,
    sdkNames,
    clients,
    constants: new Map([...constants].filter((e): e is [string, Node] => e[1] !== null)),
  };
};
