import { describeThrown } from './thrown-value';

describe('describeThrown', () => {
  it('takes message, stack, name and cause of an error', () => {
    const cause = new Error('socket closed');
    const error = new TypeError('Failed to fetch', { cause });
    expect(describeThrown(error)).toEqual({
      message: 'Failed to fetch',
      stack: error.stack,
      context: { errorName: 'TypeError', cause },
    });
  });

  it('names an error without a message by its name', () => {
    expect(describeThrown(new RangeError()).message).toBe('RangeError');
  });

  it('keeps a thrown object in the context, where the redactor sees its keys', () => {
    const thrown = { code: 'E_AUTH', password: 'hunter2' };
    expect(describeThrown(thrown)).toEqual({
      message: 'A value that is not an Error was thrown',
      context: { thrown },
    });
  });

  it('uses the message of an error-like object', () => {
    expect(describeThrown({ message: 'quota exceeded' }).message).toBe('quota exceeded');
  });

  it('writes primitives as text', () => {
    expect(describeThrown('plain string')).toEqual({ message: 'plain string', context: {} });
    expect(describeThrown(undefined).message).toBe('undefined');
  });
});
