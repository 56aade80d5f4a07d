// The ceiling: a minimal hand-written M/M/16 simulation (FCFS, one central queue) with a
// typed-array binary heap, an inline xorshift128+ PRNG, no allocation per event and only a
// running sum of response times as statistics. Nothing general can be faster; bench reports
// orchlab's speed as a ratio to this loop, measured side by side in the same run.

export interface CeilingResult {
  readonly events: number;
  readonly seconds: number;
  readonly meanResponse: number;
}

export function runCeiling(completions: number, servers = 16, rate = 14.4, seed = 42): CeilingResult {
  // xorshift128+ state in two 32-bit halves per word (plain numbers stay in registers).
  let s0 = (seed * 2654435761) | 0 || 1;
  let s1 = 0x9e3779b9 | 0;
  let s2 = 0x7f4a7c15 | 0;
  let s3 = 0x85ebca6b | 0;
  const uniform = (): number => {
    // xoshiro128+ on 32-bit lanes: fast, good enough for a speed ceiling.
    const result = (s0 + s3) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result / 4294967296;
  };
  const cap = servers + 2;
  const heapTime = new Float64Array(cap);
  const heapKind = new Uint8Array(cap); // 0 arrival, 1 departure
  const heapRef = new Float64Array(cap); // arrival time of the task finishing
  let size = 0;
  const push = (t: number, kind: number, ref: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapTime[p]! <= t) break;
      heapTime[i] = heapTime[p]!;
      heapKind[i] = heapKind[p]!;
      heapRef[i] = heapRef[p]!;
      i = p;
    }
    heapTime[i] = t;
    heapKind[i] = kind;
    heapRef[i] = ref;
  };
  // FIFO queue of waiting arrival times (ring buffer, grows by doubling).
  let queue = new Float64Array(1024);
  let qHead = 0;
  let qLen = 0;
  let busy = 0;
  let done = 0;
  let events = 0;
  let sumResponse = 0;
  const meanGap = 1 / rate;
  const started = process.hrtime.bigint();
  push(-meanGap * Math.log(1 - uniform()), 0, 0);
  while (done < completions) {
    const now = heapTime[0]!;
    const kind = heapKind[0]!;
    const ref = heapRef[0]!;
    // Pop: move the last entry down from the root.
    const n = --size;
    const lt = heapTime[n]!;
    const lk = heapKind[n]!;
    const lr = heapRef[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heapTime[c + 1]! < heapTime[c]!) c++;
      if (lt <= heapTime[c]!) break;
      heapTime[i] = heapTime[c]!;
      heapKind[i] = heapKind[c]!;
      heapRef[i] = heapRef[c]!;
      i = c;
    }
    heapTime[i] = lt;
    heapKind[i] = lk;
    heapRef[i] = lr;
    events++;
    if (kind === 0) {
      push(now - meanGap * Math.log(1 - uniform()), 0, 0);
      if (busy < servers) {
        busy++;
        push(now - Math.log(1 - uniform()), 1, now);
      } else {
        if (qLen === queue.length) {
          const next = new Float64Array(queue.length * 2);
          for (let k = 0; k < qLen; k++) next[k] = queue[(qHead + k) % queue.length]!;
          queue = next;
          qHead = 0;
        }
        queue[(qHead + qLen) % queue.length] = now;
        qLen++;
      }
    } else {
      done++;
      sumResponse += now - ref;
      if (qLen > 0) {
        const arrival = queue[qHead]!;
        qHead = (qHead + 1) % queue.length;
        qLen--;
        push(now - Math.log(1 - uniform()), 1, arrival);
      } else {
        busy--;
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, seconds, meanResponse: sumResponse / done };
}
