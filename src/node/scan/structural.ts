import ts from "typescript";
import { SDK_STUB_FILE } from "./sdk-stub.js";

/** True for a member that brings its own implementation: a method with a body, a field or property with a value. */
const implemented = (d: ts.Declaration): boolean =>
  ((ts.isMethodDeclaration(d) || ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d)) &&
    d.body !== undefined) ||
  (ts.isPropertyDeclaration(d) && d.initializer !== undefined) ||
  ts.isPropertyAssignment(d) ||
  ts.isShorthandPropertyAssignment(d);

/**
 * Why a member named like an SDK operation, on a receiver whose type is no SDK class, may still be that
 * operation: TypeScript types are structural, so an interface, a type literal, a type parameter's
 * constraint or an abstract member (`interface TokenPort { deleteTokenById(…) }`) is satisfied by an SDK
 * client passed in. Undefined when the member is proven another's: a class's or object's own
 * implementation, or a declaration of another package.
 */
export const structuralReason = (
  checker: ts.TypeChecker,
  symbol: ts.Symbol | undefined,
  receiverType: ts.Type | undefined,
): string | undefined => {
  const declarations = symbol?.declarations ?? [];
  if (declarations.some((d) => d.getSourceFile().fileName === SDK_STUB_FILE)) return undefined;
  if (declarations.length > 0 && declarations.every(implemented)) return undefined;
  const files = declarations.map((d) => d.getSourceFile());
  if (files.some((f) => f.isDeclarationFile && f.fileName.includes("/node_modules/"))) return undefined;
  let shown = "its receiver";
  try {
    if (receiverType !== undefined) shown = checker.typeToString(receiverType).slice(0, 80);
  } catch {
    // the type's name is only for the message
  }
  return `inferred from the name: ${shown} is not an SDK class, but an SDK client fits it`;
};
