import { render, screen } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../lib/api-error';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { Dialog } from './Dialog';

function Opener({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Dialog open={open} title="A dialog" onClose={() => setOpen(false)}>
        {children}
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('opens with focus on its first field', async () => {
    const user = userEvent.setup();
    render(
      <Opener>
        <p>Some words first.</p>
        <input type="hidden" name="id" />
        <label>
          Name <input name="name" />
        </label>
        <label>
          Kind <select name="kind" />
        </label>
      </Opener>,
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
  });

  it('focuses a select or text area when it comes first', async () => {
    const user = userEvent.setup();
    render(
      <Opener>
        <label>
          Notes <textarea />
        </label>
      </Opener>,
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveFocus();
  });

  it('without fields, focuses its first button rather than Close', async () => {
    const user = userEvent.setup();
    render(
      <Opener>
        <p>Delete it?</p>
        <button type="button">Cancel</button>
        <button type="button">Delete</button>
      </Opener>,
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  });
});

describe('ConfirmDeleteDialog', () => {
  it('says why deleting failed at the top of its body, like every dialog', () => {
    render(
      <ConfirmDeleteDialog
        open
        title="Delete “Rent”?"
        pending={false}
        error={new ApiError(409, { message: 'It is in use', traceId: 'c'.repeat(32) }, 'Conflict')}
        onConfirm={() => undefined}
        onClose={() => undefined}
      >
        <p>What deleting means.</p>
      </ConfirmDeleteDialog>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('It is in use Reference: cccccccc');
    expect(alert.parentElement?.firstElementChild).toBe(alert);
  });
});
