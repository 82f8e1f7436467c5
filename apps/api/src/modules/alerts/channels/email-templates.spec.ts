import fc from 'fast-check';
import { alertEmail, escapeHtml } from './email-templates';
import { firingMessage, instance, resolvedMessage, testMessage } from './testing/alert-messages';

const OUR_TAGS = new Set(
  '!doctype html head meta body h2 h3 p table tr th td ul li code strong br small a'.split(' '),
);

/** The tags an HTML body contains. */
function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([!a-z0-9]+)/gi)].map((match) => match[1].toLowerCase()));
}

describe('alert email', () => {
  it('says what fires: subject, condition, window, instances, summary, runbook and link', () => {
    const email = alertEmail(firingMessage());
    expect(email.subject).toBe('[FIRING:2] High p95 latency (critical)');
    for (const body of [email.text, email.html]) {
      expect(body).toContain('route=/api/v1/transactions');
      expect(body).toContain('350 ms');
      expect(body).toContain('260 ms');
      expect(body).toContain('p95 latency is above 200 ms');
      expect(body).toContain('Requests are slow');
      expect(body).toContain('https://runbooks.example.com/latency');
      expect(body).toContain('since 2026-03-01 10:00 UTC');
      expect(body).toContain('team=payments');
    }
    expect(email.text).toContain('Condition: p95 latency > 200 ms over the last 5 minutes');
    expect(email.html).toContain('p95 latency &gt; 200 ms over the last 5 minutes');
    expect(email.text).toContain('Severity: critical');
    expect(email.text).toContain('Firing (2):');
    expect(email.text).toContain(`Open the rule: ${firingMessage().ruleUrl}`);
    expect(email.html).toContain(`<a href="${firingMessage().ruleUrl}">`);
    expect(email.html).toContain('<a href="https://runbooks.example.com/latency">');
  });

  it('says what resolved, with the last values and when', () => {
    const email = alertEmail(resolvedMessage());
    expect(email.subject).toBe('[RESOLVED] High p95 latency (critical)');
    expect(email.text).toContain('Resolved: 2 instances back to normal.');
    expect(email.text).toContain('Resolved (2):');
    expect(email.text).toContain(
      'route=/api/v1/transactions: 120 ms, from 2026-03-01 10:00 UTC to 2026-03-01 10:30 UTC',
    );
    expect(email.text).not.toContain('Firing (');
  });

  it('marks a test as a test', () => {
    const email = alertEmail(testMessage());
    expect(email.subject).toBe('[TEST] High p95 latency (critical)');
    expect(email.text).toContain('test notification');
    expect(email.text).toContain(testMessage().ruleUrl);
  });

  it('escapes every value in the HTML', () => {
    const hostile = '<script>alert("x")</script>';
    const message = firingMessage({
      firing: [instance(hostile, 300, { annotations: { note: hostile } })],
    });
    message.rule = {
      ...message.rule,
      name: hostile,
      description: hostile,
      labels: { [hostile]: hostile },
      annotations: { summary: hostile, runbook_url: 'javascript:alert(1)', [hostile]: hostile },
    };
    const { html, text, subject } = alertEmail(message);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect([...tagsOf(html)].filter((tag) => !OUR_TAGS.has(tag))).toEqual([]);
    // Plain text is not HTML: it shows the name as it is.
    expect(text).toContain(hostile);
    expect(subject).toBe(`[FIRING:1] ${hostile} (critical)`);
  });

  it('adds no tag and no attribute of its own for any text in any field', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.stringMatching(/^\S{0,40}$/), (text, url) => {
        const message = firingMessage({
          firing: [instance(text, 1, { annotations: { [text]: text } })],
        });
        message.rule = {
          ...message.rule,
          name: text,
          description: text,
          labels: { [text]: text },
          annotations: { summary: text, runbook_url: `https://x.example/${url}`, [text]: text },
        };
        const { html } = alertEmail(message);
        expect([...tagsOf(html)].filter((tag) => !OUR_TAGS.has(tag))).toEqual([]);
        const hrefs = [...html.matchAll(/<a href="([^"]*)">/g)].map((match) => match[1]);
        expect(hrefs).toHaveLength(2);
      }),
    );
  });

  it('keeps the subject on one line', () => {
    const message = firingMessage();
    message.rule = { ...message.rule, name: 'Slow\r\nBcc: someone@example.com' };
    expect(alertEmail(message).subject).toBe('[FIRING:2] Slow Bcc: someone@example.com (critical)');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
