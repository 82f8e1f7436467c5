import { silenceBody } from './silence-form';

const RULE = '00000000-0000-4000-b000-000000000001';
const NOW = new Date('2026-11-21T10:00:00.000Z');

describe('silenceBody', () => {
  it('silences the rule from now for the chosen hours, with the comment trimmed', () => {
    expect(silenceBody(RULE, { duration: '4h', until: '', comment: '  Deploying  ' }, NOW)).toEqual(
      {
        ok: true,
        body: { ruleId: RULE, endsAt: '2026-11-21T14:00:00.000Z', comment: 'Deploying' },
      },
    );
  });

  it('ends at a chosen local time', () => {
    const checked = silenceBody(
      RULE,
      { duration: 'custom', until: '2026-11-22T08:30', comment: 'Maintenance' },
      NOW,
    );
    expect(checked).toEqual({
      ok: true,
      body: {
        ruleId: RULE,
        endsAt: new Date(2026, 10, 22, 8, 30).toISOString(),
        comment: 'Maintenance',
      },
    });
  });

  it('asks for a comment and an end before anything is sent', () => {
    expect(silenceBody(RULE, { duration: 'custom', until: '', comment: '   ' }, NOW)).toEqual({
      ok: false,
      errors: {
        endsAt: 'Choose when the silence ends.',
        comment: 'Say why the alerts are silenced.',
      },
    });
  });
});
