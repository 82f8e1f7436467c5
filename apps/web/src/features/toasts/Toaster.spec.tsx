import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../lib/api-error';
import { toast, useToasts } from './toast-store';
import { Toaster } from './Toaster';
import { defined } from '../../test/defined';

/** The toaster beside a page button, on fake timers to step through countdowns. */
function renderToaster() {
  jest.useFakeTimers();
  render(
    <>
      <button type="button">Page button</button>
      <Toaster />
    </>,
  );
  return userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
}

const passTime = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));
const region = () => screen.getByRole('region', { name: 'Notifications' });
const shownMessages = () =>
  within(region())
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('.toast__message')?.textContent);

describe('Toaster', () => {
  afterEach(() => jest.useRealTimers());

  it('is a landmark region named Notifications, toasts inside it as live messages', () => {
    renderToaster();
    act(() => {
      toast.success('Budget saved');
      toast.error('The budget could not be saved');
    });
    expect(within(region()).getByRole('status')).toHaveTextContent('Budget saved');
    expect(within(region()).getByRole('alert')).toHaveTextContent('could not be saved');
  });

  it('ends an error with the reference of the request that failed', () => {
    renderToaster();
    const failure = new ApiError(503, { message: 'Down', traceId: '4bf92f35'.padEnd(32, '0') }, '');
    act(() => {
      toast.error('The budget could not be saved', failure);
    });
    expect(within(region()).getByRole('alert')).toHaveTextContent(
      'The budget could not be saved Reference: 4bf92f35',
    );
    expect(within(region()).getByRole('button', { name: 'Copy reference' })).toBeInTheDocument();
  });

  it('counts a repeated message on screen instead of stacking it, and starts its time again', async () => {
    renderToaster();
    act(() => {
      toast.success('Transaction added');
      toast.info('Budget saved');
    });
    await passTime(4000);
    act(() => {
      toast.success('Transaction added');
      toast.success('Transaction added');
    });
    expect(shownMessages()).toEqual(['Budget saved', 'Transaction added ×3(3 times)']);
    // The first one's 5 s would have run out by now; the repeat's have not.
    await passTime(2000);
    expect(shownMessages()).toEqual(['Transaction added ×3(3 times)']);
    await passTime(3000);
    expect(shownMessages()).toEqual([]);
  });

  it('keeps toasts with their own action or reference apart, even with the same words', () => {
    renderToaster();
    const undo = { label: 'Undo', onClick: jest.fn() };
    act(() => {
      toast.success('Transaction deleted', undo);
      toast.success('Transaction deleted', undo);
    });
    expect(within(region()).getAllByRole('button', { name: 'Undo' })).toHaveLength(2);
  });

  it('shows the newest two and sums up the rest, which can be shown or dismissed', async () => {
    const user = renderToaster();
    act(() => {
      ['One', 'Two', 'Three', 'Four', 'Five'].forEach((message) => toast.error(message));
    });
    expect(shownMessages()).toEqual(['Four', 'Five']);

    const more = within(region()).getByRole('button', { name: '3 more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(shownMessages()).toEqual(['One', 'Two', 'Three', 'Four', 'Five']);
    const fewer = within(region()).getByRole('button', { name: 'Show fewer' });
    expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await user.click(fewer);
    expect(shownMessages()).toEqual(['Four', 'Five']);

    await user.click(within(region()).getByRole('button', { name: 'Dismiss 3 more' }));
    expect(shownMessages()).toEqual(['Four', 'Five']);
    expect(useToasts.getState().toasts.map((shown) => shown.message)).toEqual(['Four', 'Five']);
    expect(within(region()).queryByRole('button', { name: /more/ })).not.toBeInTheDocument();
  });

  it('counts a summed-up toast’s time only once it shows', async () => {
    renderToaster();
    act(() => {
      toast.info('Oldest');
      toast.error('Stays');
      toast.error('Stays too');
    });
    await passTime(60_000);
    expect(useToasts.getState().toasts.map((shown) => shown.message)).toContain('Oldest');
    act(() => useToasts.getState().dismiss(defined(useToasts.getState().toasts[2]).id));
    expect(shownMessages()).toEqual(['Oldest', 'Stays']);
    await passTime(5_000);
    expect(shownMessages()).toEqual(['Stays']);
  });

  it('waits while the pointer is over the toasts, and goes once it leaves', async () => {
    const user = renderToaster();
    act(() => {
      toast.success('Budget saved');
    });
    await user.hover(screen.getByText('Budget saved'));
    await passTime(30_000);
    expect(screen.getByText('Budget saved')).toBeInTheDocument();

    await user.unhover(screen.getByText('Budget saved'));
    await passTime(4_900);
    expect(screen.getByText('Budget saved')).toBeInTheDocument();
    await passTime(100);
    expect(screen.queryByText('Budget saved')).not.toBeInTheDocument();
  });

  it('F8 takes the focus to the newest toast, which then waits; Escape brings it back', async () => {
    const onDismiss = jest.fn();
    const user = renderToaster();
    const pageButton = screen.getByRole('button', { name: 'Page button' });
    pageButton.focus();
    act(() => {
      useToasts.getState().show({
        kind: 'success',
        message: 'Transaction deleted',
        action: { label: 'Undo', onClick: jest.fn() },
        onDismiss,
      });
    });
    expect(screen.getByRole('status')).toHaveTextContent('Press F8 to reach Undo');
    await passTime(2_000);

    await user.keyboard('{F8}');
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await passTime(60_000);
    expect(onDismiss).not.toHaveBeenCalled();

    await user.keyboard('{Escape}');
    expect(pageButton).toHaveFocus();
    await passTime(2_900);
    expect(onDismiss).not.toHaveBeenCalled();
    await passTime(100);
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Transaction deleted')).not.toBeInTheDocument();
  });

  it('runs the action without dismissing, and gives the focus back to where it was', async () => {
    const onClick = jest.fn();
    const onDismiss = jest.fn();
    const user = renderToaster();
    const pageButton = screen.getByRole('button', { name: 'Page button' });
    pageButton.focus();
    act(() => {
      useToasts.getState().show({
        kind: 'success',
        message: 'Transaction deleted',
        action: { label: 'Undo', onClick },
        onDismiss,
      });
    });
    await user.keyboard('{F8}');
    await user.keyboard('{Enter}');

    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onDismiss).not.toHaveBeenCalled();
    expect(screen.queryByText('Transaction deleted')).not.toBeInTheDocument();
    expect(pageButton).toHaveFocus();
  });

  it('tells a dismissed toast it was dismissed, and leaves F8 alone when there is none', async () => {
    const onDismiss = jest.fn();
    const user = renderToaster();
    const pageButton = screen.getByRole('button', { name: 'Page button' });
    pageButton.focus();
    await user.keyboard('{F8}');
    expect(pageButton).toHaveFocus();

    act(() => {
      useToasts.getState().show({ kind: 'info', message: 'Groceries is over budget', onDismiss });
    });
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Groceries is over budget')).not.toBeInTheDocument();
  });
});
