/** Replaces a lazy getter on `target` with its computed value, so later reads are plain data. */
export const settle = <T>(target: object, key: string, value: T): T => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
  return value;
};
