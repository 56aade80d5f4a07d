import { describe, expect, it } from 'vitest';
import {
  drawnInterval,
  fmt4,
  intervalSentence,
  meanWords,
  metricBounds,
  NON_NEGATIVE,
  SHARE,
} from '../../../src/report/specs/interval.js';

describe('drawnInterval(ci95, replications, options)', () => {
  it('cuts a time interval that reaches below 0 at 0 and says so, keeping the computed ends', () => {
    // The reviewer's p99 with two replications: 7.242 s, 95% CI −8.343 to 22.83 s.
    const i = drawnInterval([-8.343, 22.83], 2, { bounds: NON_NEGATIVE });
    expect(i).toEqual({
      lo: -8.343,
      hi: 22.83,
      loShown: 0,
      hiShown: 22.83,
      ci: '−8.343 to 22.83 (drawn from 0)',
      cutLo: '0',
    });
  });

  it('cuts a share at 1 (utilization above 100% cannot be)', () => {
    const i = drawnInterval([0.93, 1.042], 3, { bounds: SHARE });
    expect([i.loShown, i.hiShown, i.ci, i.cutHi]).toEqual([0.93, 1, '0.93 to 1.042 (drawn to 1)', '1']);
    const both = drawnInterval([-0.2, 1.2], 2, { bounds: SHARE });
    expect([both.loShown, both.hiShown, both.ci]).toEqual([0, 1, '−0.2 to 1.2 (drawn from 0 to 1)']);
  });

  it('leaves an interval inside its bounds as it is', () => {
    expect(drawnInterval([0.41, 0.5234567], 5, { bounds: NON_NEGATIVE })).toEqual({
      lo: 0.41,
      hi: 0.5234567,
      loShown: 0.41,
      hiShown: 0.5234567,
      ci: '0.41 to 0.5235',
    });
  });

  it('on a log scale draws an interval reaching 0 from the axis start', () => {
    const i = drawnInterval([-1, 4], 3, { bounds: NON_NEGATIVE, logFloor: 0.05 });
    expect([i.loShown, i.ci, i.cutLo]).toEqual([
      0.05,
      '−1 to 4 (drawn from the axis start)',
      'the axis start',
    ]);
  });

  it('gives no interval with one replication (the result holds [v, v]) or none in the result', () => {
    expect(drawnInterval([6.047, 6.047], 1, { bounds: NON_NEGATIVE })).toEqual({
      lo: null,
      hi: null,
      loShown: null,
      hiShown: null,
      ci: 'none (one replication)',
    });
    expect(drawnInterval(null, 3).ci).toBe('none');
  });

  it('gives none for an end JSON wrote as null (a bound that was not finite)', () => {
    // The result schema lets [null, high] through: JSON.stringify writes a non-finite number null.
    const torn = JSON.parse('[null, 3]') as [number, number];
    expect(drawnInterval(torn, 3, { bounds: NON_NEGATIVE })).toMatchObject({
      lo: null,
      hiShown: null,
      ci: 'none',
    });
  });
});

describe('intervalSentence(intervals, what)', () => {
  const ok = drawnInterval([1, 2], 3, { bounds: NON_NEGATIVE });
  const cut = drawnInterval([-1, 2], 2, { bounds: NON_NEGATIVE });
  const one = drawnInterval([1, 1], 1, { bounds: NON_NEGATIVE });

  it('promises a 95% confidence interval only where there is one', () => {
    expect(intervalSentence([ok, ok], 'Whiskers')).toBe('Whiskers: 95% confidence interval.');
    expect(intervalSentence([one, one], 'Whiskers')).toBe(
      'No whiskers: one replication gives no confidence interval.',
    );
    expect(intervalSentence([ok, one], 'Band')).toBe(
      'Band: 95% confidence interval (none where a policy has one replication).',
    );
  });

  it('says where a drawn interval was cut', () => {
    expect(intervalSentence([ok, cut], 'Band')).toBe(
      'Band: 95% confidence interval, cut at 0 where it goes past (the tooltip gives it whole).',
    );
    const share = drawnInterval([0.5, 1.1], 2, { bounds: SHARE });
    expect(intervalSentence([cut, share], 'Band')).toContain('cut at 0 and 1 where it goes past');
  });
});

describe('metricBounds(metric), fmt4(x) and meanWords(runs)', () => {
  it('knows times, counts and costs are at least 0 and shares lie in [0, 1]', () => {
    for (const m of [
      'responseTime.p99',
      'waitTime.mean',
      'throughput',
      'numberInQueue',
      'rejected',
      'costPerTask',
    ])
      expect(metricBounds(m)).toEqual({ min: 0 });
    for (const m of ['utilization', 'utilizationByGroup.fast', 'affinityHitRate', 'prefixHitRate'])
      expect(metricBounds(m)).toEqual({ min: 0, max: 1 });
    expect(metricBounds('somethingElse')).toBeUndefined();
  });

  it('fmt4 gives a whole number (a count) in full, as the tables do', () => {
    expect([fmt4(19366), fmt4(-12031), fmt4(19366.4)]).toEqual(['19366', '−12031', '19370']);
  });

  it('fmt4 gives 4 significant digits with a true minus', () => {
    expect([fmt4(22.8349), fmt4(-8.3431), fmt4(0.000123456), fmt4(3)]).toEqual([
      '22.83',
      '−8.343',
      '0.0001235',
      '3',
    ]);
  });

  it('meanWords says a mean only with more than one replication', () => {
    expect(meanWords([{ replications: 1 }])).toBe('the figure of the one replication');
    expect(meanWords([{ replications: 1 }, { replications: 3 }])).toBe('mean over replications');
  });
});
