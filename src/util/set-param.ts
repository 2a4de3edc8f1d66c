/** Sets a param without letting a name such as `__proto__` reach the prototype. */
export const setParam = (params: Record<string, string>, name: string, value: string): void => {
  if (name === "__proto__")
    Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
  else params[name] = value;
};
