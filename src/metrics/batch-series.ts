// Response times in completion order, kept as means of consecutive batches (5 at first). When
// the series reaches its bound, adjacent batches merge and the batch size doubles, so memory is
// fixed. MSER-5 (warmup: auto) reads it to find where the transient ends.

export interface BatchSeriesData {
  /** Completions per batch. */
  readonly batchSize: number;
  readonly means: number[];
}

export class BatchSeries {
  private batch: number;
  private readonly means: number[] = [];
  private sum = 0;
  private n = 0;

  constructor(
    initialBatch = 5,
    private readonly maxPoints = 4096,
  ) {
    this.batch = initialBatch;
  }

  add(x: number): void {
    this.sum += x;
    if (++this.n < this.batch) return;
    this.means.push(this.sum / this.n);
    this.sum = 0;
    this.n = 0;
    if (this.means.length === this.maxPoints) {
      for (let i = 0; i < this.maxPoints / 2; i++)
        this.means[i] = (this.means[2 * i]! + this.means[2 * i + 1]!) / 2;
      this.means.length = this.maxPoints / 2;
      this.batch *= 2;
    }
  }

  data(): BatchSeriesData {
    return { batchSize: this.batch, means: [...this.means] };
  }
}
