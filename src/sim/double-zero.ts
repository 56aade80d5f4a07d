// Zero as a double. V8 stores a number field as a small integer when its first value is one;
// the first fraction stored there later changes the object's hidden class and throws away the
// optimized code that relied on it (a deoptimization in the middle of a run). Fields that will
// hold fractions start at -0, which is a double and behaves as 0 in every sum and comparison.
export const ZERO = -0;
