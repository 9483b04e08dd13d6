/**
 * Order statistics without sorting: quickselect finds the k-th smallest of n values in O(n)
 * expected time and no extra memory, where sorting millions of durations would cost O(n log n)
 * and, for a typed array, a copy. Used for the median time in stage over large histories.
 */

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}

/**
 * Rearranges `values[0..length)` so that position `k` holds the value it would have after
 * sorting, with nothing larger before it and nothing smaller after it; returns that value.
 * Median-of-three pivots keep sorted and reversed input fast.
 */
export function selectKth(values: Float64Array, length: number, k: number): number {
  if (!Number.isInteger(k) || k < 0 || k >= length || length > values.length) {
    throw new RangeError(`selectKth: k must be an integer in [0, ${length}), got ${k}`);
  }
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Order left, mid, right; the middle one becomes the pivot.
    if (values[mid]! < values[left]!) swap(values, mid, left);
    if (values[right]! < values[left]!) swap(values, right, left);
    if (values[right]! < values[mid]!) swap(values, right, mid);
    const pivot = values[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    // Now [left..j] ≤ pivot ≤ [i..right], and anything strictly between j and i equals pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * The median of `values[0..length)` (the mean of the two middle values when `length` is even),
 * or `null` when there are none. Reorders the values in place.
 */
export function medianInPlace(values: Float64Array, length: number): number | null {
  if (length === 0) return null;
  const upper = length >>> 1;
  const high = selectKth(values, length, upper);
  if (length % 2 === 1) return high;
  // After selecting `upper`, the lower middle is the largest value before it.
  let low = values[0]!;
  for (let i = 1; i < upper; i++) if (values[i]! > low) low = values[i]!;
  return (low + high) / 2;
}

/** A Float64Array that grows as values are appended (doubling), for collecting durations. */
export class Float64Buffer {
  values: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.values = new Float64Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}
