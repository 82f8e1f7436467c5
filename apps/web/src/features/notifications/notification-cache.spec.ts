import { withNewNotification } from './notification-cache';
import { aNotification, aNotificationPage } from './testing/factories';

describe('withNewNotification', () => {
  const older = aNotification({ title: 'Older' });
  const oldest = aNotification({ title: 'Oldest', readAt: '2026-11-20T10:00:00.000Z' });
  const page = aNotificationPage([older, oldest], { total: 7, unreadCount: 3 });

  it('puts the pushed notification on top and counts it as unread', () => {
    const pushed = aNotification({ title: 'Pushed' });
    const next = withNewNotification(page, pushed, 5);
    expect(next?.items.map((item) => item.title)).toEqual(['Pushed', 'Older', 'Oldest']);
    expect(next).toMatchObject({ total: 8, unreadCount: 4 });
  });

  it('keeps the page to its size, dropping the oldest', () => {
    const next = withNewNotification(page, aNotification({ title: 'Pushed' }), 2);
    expect(next?.items.map((item) => item.title)).toEqual(['Pushed', 'Older']);
  });

  it('does not count a notification twice when it arrives again', () => {
    expect(withNewNotification(page, older, 5)).toBe(page);
  });

  it('counts a notification already read in the total only', () => {
    const read = aNotification({ readAt: '2026-11-21T10:00:00.000Z' });
    expect(withNewNotification(page, read, 5)).toMatchObject({ total: 8, unreadCount: 3 });
  });

  it('leaves a page not loaded yet to its fetch', () => {
    expect(withNewNotification(undefined, aNotification(), 5)).toBeUndefined();
  });
});
