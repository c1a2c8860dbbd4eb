/** For type tests, never run: true when `A` and `B` are the same type (`any` equals only `any`). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `expectType<Expected>()(value)` compiles only when `value` is exactly `Expected`. */
export declare function expectType<Expected>(): <Actual>(value: Actual & (Equals<Expected, Actual> extends true ? unknown : never)) => true;
