import { describe, expect, it } from 'vitest';
import { BASE_METRIC_IDS } from './base-metrics';
import {
  METRIC_GROUPS,
  readContentChannel,
  readSurveyAnswer,
  SCOPE_METRIC_GROUPS,
  scopeMetrics,
} from './metric-events';

describe('metric event vocabulary', () => {
  it('puts every base metric but periodDays in exactly one group', () => {
    const grouped = Object.values(METRIC_GROUPS).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(BASE_METRIC_IDS.filter((m) => m !== 'periodDays').sort());
  });

  it('lists what each scope computes', () => {
    expect(scopeMetrics('segment')).toEqual([
      'promoters',
      'detractors',
      'npsResponses',
      'csatSatisfied',
      'csatResponses',
      'entered',
      'orders',
      'buyers',
      'revenue',
      'grossMargin',
      'newCustomers',
      'customersStart',
      'customersEnd',
      'customersLost',
      'mqls',
      'sqls',
    ]);
    // Churn needs an audience: only campaigns (through their segments) and segments have one.
    const withAudience = Object.entries(SCOPE_METRIC_GROUPS)
      .filter(([, groups]) => (groups as readonly string[]).includes('audience'))
      .map(([kind]) => kind);
    expect(withAudience).toEqual(['campaign', 'segment']);
  });

  it.each([
    [{ survey: 'nps', score: 0 }, []],
    [{ survey: 'nps', score: 10 }, []],
    [{ survey: 'csat', score: 1 }, []],
    [{ survey: 'csat', score: 5 }, []],
    [{ survey: 'nps', score: 11 }, [['SURVEY_SCORE_OUT_OF_RANGE', 'score']]],
    [{ survey: 'nps', score: -1 }, [['SURVEY_SCORE_OUT_OF_RANGE', 'score']]],
    [{ survey: 'nps', score: 7.5 }, [['SURVEY_SCORE_OUT_OF_RANGE', 'score']]],
    [{ survey: 'csat', score: 0 }, [['SURVEY_SCORE_OUT_OF_RANGE', 'score']]],
    [{ survey: 'csat', score: 6 }, [['SURVEY_SCORE_OUT_OF_RANGE', 'score']]],
    [{ survey: 'csat', score: '5' }, [['SURVEY_SCORE_OUT_OF_RANGE', 'score']]],
    [{ survey: 'csat' }, [['SURVEY_SCORE_OUT_OF_RANGE', 'score']]],
    [{ survey: 'ces', score: 3 }, [['BAD_USER_INPUT', 'survey']]],
    [{ score: 3 }, [['BAD_USER_INPUT', 'survey']]],
  ])('survey answer %j gives %j', (properties, expected) => {
    const problems = readSurveyAnswer(properties, [3, 'properties']);
    expect(problems.map((p) => [p.code, p.path.at(-1)])).toEqual(expected);
    for (const p of problems) expect(p.path.slice(0, 2)).toEqual([3, 'properties']);
  });

  it('names the scale in the message of an out-of-range score', () => {
    expect(readSurveyAnswer({ survey: 'nps', score: 11 }, [])[0]!.message).toContain('0 to 10');
    expect(readSurveyAnswer({ survey: 'csat', score: 6 }, [])[0]!.message).toContain('1 to 5');
  });

  it('needs a channel on content events', () => {
    expect(readContentChannel({ channel: 'facebook' }, [0])).toEqual([]);
    expect(readContentChannel({}, [0, 'properties'])[0]!.path).toEqual([
      0,
      'properties',
      'channel',
    ]);
    expect(readContentChannel({ channel: ' ' }, [0])).toHaveLength(1);
    expect(readContentChannel({ channel: 'x'.repeat(51) }, [0])).toHaveLength(1);
  });
});
