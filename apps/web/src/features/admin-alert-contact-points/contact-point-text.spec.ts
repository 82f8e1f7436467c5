import { replyCodeText, targetsOf } from './contact-point-text';

describe('targetsOf', () => {
  it('lists addresses, numbers or the URL', () => {
    expect(targetsOf({ settings: { addresses: ['a@example.com', 'b@example.com'] } })).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(targetsOf({ settings: { numbers: ['+4915112345678'] } })).toEqual(['+4915112345678']);
    expect(targetsOf({ settings: { url: 'https://h.example.com/x' } })).toEqual([
      'https://h.example.com/x',
    ]);
  });
});

describe('replyCodeText', () => {
  it('names the protocol of the reply code', () => {
    expect(replyCodeText('webhook', 410)).toBe('HTTP 410');
    expect(replyCodeText('sms', 201)).toBe('HTTP 201');
    expect(replyCodeText('email', 250)).toBe('SMTP 250');
    expect(replyCodeText('email', null)).toBeNull();
  });
});
