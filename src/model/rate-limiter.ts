// Token rate limits of hosted model APIs: an agent may consume at most `tokensPerMinute` tokens in
// any 60 s window. A request that would exceed it starts when enough earlier requests have left
// the window (a request larger than the whole limit starts when the window is empty).

const WINDOW_SECONDS = 60;

export class RateLimiter {
  private readonly times: number[][];
  private readonly tokens: number[][];
  private readonly head: Int32Array;
  private readonly used: Float64Array;
  private readonly lastStart: Float64Array;

  constructor(private readonly limit: Float64Array) {
    const n = limit.length;
    this.times = Array.from({ length: n }, () => []);
    this.tokens = Array.from({ length: n }, () => []);
    this.head = new Int32Array(n);
    this.used = new Float64Array(n);
    this.lastStart = new Float64Array(n);
  }

  limited(a: number): boolean {
    return this.limit[a]! < Number.POSITIVE_INFINITY;
  }

  /** When agent `a` may start a request of `tokens` asked for at `now` (starts stay in order). */
  admit(a: number, now: number, tokens: number): number {
    const times = this.times[a]!;
    const amounts = this.tokens[a]!;
    let begin = Math.max(now, this.lastStart[a]!);
    let h = this.head[a]!;
    const expire = () => {
      this.used[a]! -= amounts[h]!;
      h++;
    };
    while (h < times.length && times[h]! <= begin - WINDOW_SECONDS) expire();
    while (h < times.length && this.used[a]! + tokens > this.limit[a]!) {
      begin = Math.max(begin, times[h]! + WINDOW_SECONDS);
      expire();
    }
    // Compact the consumed prefix now and then so memory tracks the window, not the run.
    if (h > 1024 && h * 2 > times.length) {
      times.splice(0, h);
      amounts.splice(0, h);
      h = 0;
    }
    this.head[a] = h;
    times.push(begin);
    amounts.push(tokens);
    this.used[a]! += tokens;
    this.lastStart[a] = begin;
    return begin;
  }
}
