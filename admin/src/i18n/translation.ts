/**
 * The shape of a translation: the same keys as the Dutch original, every leaf a string. An English table typed
 * `Translation<typeof nlSomething>` fails the typecheck when it lacks a key the Dutch one has, or has one more.
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
