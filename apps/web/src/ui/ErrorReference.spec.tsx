import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../lib/api-error';
import { ErrorState } from './ErrorState';
import { FormError } from './FormParts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const failure = new ApiError(
  500,
  { message: 'Something failed on our side', traceId: TRACE_ID },
  'Internal Server Error',
);

describe('error references', () => {
  it("ends a failed load's message with the first 8 characters of its trace ID", () => {
    render(<ErrorState error={failure} onRetry={() => undefined} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      /Something failed on our side\s*Reference: 4bf92f35/,
    );
  });

  it("ends a form's banner with the reference", () => {
    render(<FormError error={failure} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/Reference: 4bf92f35/);
  });

  it('copies the whole trace ID, which the log viewer finds, and says so', async () => {
    const user = userEvent.setup();
    render(<ErrorState error={failure} onRetry={() => undefined} />);
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy reference' }));
    expect(writeText).toHaveBeenCalledWith(TRACE_ID);
    expect(screen.getByRole('status')).toHaveTextContent('Reference copied');
  });

  it('selects the reference where the browser refuses the clipboard (plain http)', async () => {
    const user = userEvent.setup();
    render(<ErrorState error={failure} onRetry={() => undefined} />);
    jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Not allowed'));
    await user.click(screen.getByRole('button', { name: 'Copy reference' }));
    expect(window.getSelection()?.toString()).toBe('4bf92f35');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Reference selected: copy it with your keyboard',
    );
  });

  it('shows no reference for an error without a trace ID', () => {
    render(<ErrorState error={new Error('Broken')} onRetry={() => undefined} />);
    expect(screen.getByRole('alert')).not.toHaveTextContent('Reference');
    expect(screen.queryByRole('button', { name: 'Copy reference' })).not.toBeInTheDocument();
  });
});
