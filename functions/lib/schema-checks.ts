/**
 * Compile-time checks that a response schema documents exactly what its view produces: every field the
 * view has and no other, with types at least as precise (enums where the view says string).
 */
export type Documents<S, V> = [keyof S] extends [keyof V]
  ? [keyof V] extends [keyof S]
    ? [S] extends [V]
      ? true
      : false
    : false
  : false;
export type Expect<T extends true> = T;
