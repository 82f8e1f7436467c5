import { screen, waitFor, within } from '@testing-library/react';
import { apiError, bodyOf, fakeApi, json, pending, type FakeRoute } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { ContactPointsPage } from './ContactPointsPage';
import { aContactPoint, aTestResult } from '../admin-alerts/testing/factories';
import { defined } from '../../test/defined';

const LIST = 'GET /api/v1/monitoring/alerts/contact-points';
const CREATE = 'POST /api/v1/monitoring/alerts/contact-points';
const ONE = (id: string) => `/api/v1/monitoring/alerts/contact-points/${id}`;

/** The list route's answer. */
const aContactPointList = (items: object[]) => ({ items });

const network = (routes: Record<string, FakeRoute | Response> = {}) =>
  fakeApi({ [LIST]: json(aContactPointList([])), ...routes });

const show = () =>
  renderPage(<ContactPointsPage />, {
    url: '/admin/alerts/contact-points',
    path: '/admin/alerts/contact-points',
  });

const rowOf = (name: string) =>
  screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('ContactPointsPage', () => {
  describe('states', () => {
    it('shows a skeleton while contact points load', () => {
      network({ [LIST]: pending });
      show();
      expect(screen.getByRole('heading', { level: 1, name: 'Contact points' })).toBeInTheDocument();
      expect(screen.getByRole('status', { name: 'Loading contact points' })).toBeInTheDocument();
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [LIST]: apiError(500, 'Internal server error') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Contact points could not be loaded');
      expect(alert).toHaveTextContent('Internal server error');

      api.on(LIST, json(aContactPointList([aContactPoint({ name: 'Pager' })])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('rowheader', { name: 'Pager' })).toBeInTheDocument();
    });

    it('says what a contact point is when there is none, and offers to add one', async () => {
      network();
      const { user } = show();
      expect(await screen.findByText('No contact points yet')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Add a contact point' }));
      expect(screen.getByRole('dialog', { name: 'New contact point' })).toBeVisible();
    });

    it('lists each type with where it sends, its secret’s state and whether it is disabled', async () => {
      network({
        [LIST]: json(
          aContactPointList([
            aContactPoint({
              name: 'On-call mail',
              type: 'email',
              settings: { addresses: ['oncall@example.com', 'lead@example.com'] },
              hasSecret: false,
            }),
            aContactPoint({
              name: 'Pager SMS',
              type: 'sms',
              settings: { numbers: ['+4915112345678'] },
              hasSecret: false,
            }),
            aContactPoint({
              name: 'Incident bot',
              settings: { url: 'https://hooks.example.com/alerts' },
              hasSecret: true,
              disabled: true,
              disabledReason: 'The webhook answered 410 Gone',
            }),
          ]),
        ),
      });
      show();

      const mail = await screen.findByRole('rowheader', { name: 'On-call mail' });
      expect(mail.closest('tr')).toHaveTextContent(
        /Email.*oncall@example\.com.*lead@example\.com.*Not used.*Enabled/,
      );
      expect(rowOf('Pager SMS')).toHaveTextContent(/SMS.*\+4915112345678/);
      const bot = rowOf('Incident bot');
      expect(bot).toHaveTextContent(/Webhook.*https:\/\/hooks\.example\.com\/alerts.*Set/);
      expect(bot).toHaveTextContent('Disabled');
      expect(bot).toHaveTextContent('The webhook answered 410 Gone');
      expect(bot).toHaveTextContent('Save it again to enable it');
    });
  });

  describe('creating and editing', () => {
    it('creates a webhook and shows the generated secret once', async () => {
      const created = aContactPoint({ name: 'Incident bot', hasSecret: true });
      const api = network({
        [CREATE]: json({ ...created, secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD' }, 201),
      });
      const { user } = show();
      await screen.findByText('No contact points yet');

      await user.click(screen.getByRole('button', { name: 'New contact point' }));
      const dialog = screen.getByRole('dialog', { name: 'New contact point' });
      await user.type(within(dialog).getByLabelText('Name'), 'Incident bot');
      await user.selectOptions(within(dialog).getByLabelText('Type'), 'webhook');
      expect(within(dialog).queryByLabelText('Email addresses')).not.toBeInTheDocument();
      await user.type(within(dialog).getByLabelText('URL'), 'https://hooks.example.com/alerts');
      expect(within(dialog).getByLabelText('Signing secret')).toHaveAccessibleDescription(
        /Leave empty to have one generated/,
      );
      api.on(LIST, json(aContactPointList([created])));
      await user.click(within(dialog).getByRole('button', { name: 'Create contact point' }));

      expect(await defined(api.requestsTo(CREATE)[0]).json()).toEqual({
        name: 'Incident bot',
        type: 'webhook',
        settings: { url: 'https://hooks.example.com/alerts' },
      });
      const secret = await screen.findByRole('dialog', { name: 'Copy the signing secret now' });
      expect(within(secret).getByLabelText('Signing secret')).toHaveValue(
        'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
      );
      expect(await screen.findByText('Incident bot created')).toBeInTheDocument();
      await user.click(within(secret).getByRole('button', { name: 'Done' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(rowOf('Incident bot')).toHaveTextContent('Set');
      expect(screen.queryByText(/whsec_/)).not.toBeInTheDocument();
    });

    it('shows the API’s messages beside the fields they are about', async () => {
      network({
        [CREATE]: apiError(400, 'Validation failed', {
          name: ['name is required'],
          'settings.addresses.1': [
            'address 2 must be a valid email address such as oncall@example.com',
          ],
        }),
      });
      const { user } = show();
      await screen.findByText('No contact points yet');
      await user.click(screen.getByRole('button', { name: 'New contact point' }));
      const dialog = screen.getByRole('dialog');
      await user.type(
        within(dialog).getByLabelText('Email addresses'),
        'oncall@example.com{Enter}not-an-address',
      );
      await user.click(within(dialog).getByRole('button', { name: 'Create contact point' }));

      await waitFor(() =>
        expect(within(dialog).getByLabelText('Email addresses')).toHaveAccessibleDescription(
          'address 2 must be a valid email address such as oncall@example.com',
        ),
      );
      expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription('name is required');
      expect(within(dialog).getByLabelText('Email addresses')).toBeInvalid();
      const alert = within(dialog).getByRole('alert');
      expect(alert).toHaveTextContent('Validation failed Reference: ffffffff');
      expect(alert.parentElement?.firstElementChild).toBe(alert);
    });

    it('says so beside the type when the server cannot send SMS', async () => {
      const sms =
        'SMS is not configured on this server: set SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN and SMS_TWILIO_FROM';
      const api = network({ [CREATE]: apiError(400, 'Validation failed', { type: [sms] }) });
      const { user } = show();
      await screen.findByText('No contact points yet');
      await user.click(screen.getByRole('button', { name: 'New contact point' }));
      const dialog = screen.getByRole('dialog');
      await user.type(within(dialog).getByLabelText('Name'), 'Pager');
      await user.selectOptions(within(dialog).getByLabelText('Type'), 'sms');
      await user.type(within(dialog).getByLabelText('Phone numbers'), '+4915112345678');
      await user.click(within(dialog).getByRole('button', { name: 'Create contact point' }));

      await waitFor(() =>
        expect(within(dialog).getByLabelText('Type')).toHaveAccessibleDescription(sms),
      );
      expect(await defined(api.requestsTo(CREATE)[0]).json()).toEqual({
        name: 'Pager',
        type: 'sms',
        settings: { numbers: ['+4915112345678'] },
      });

      // Choosing another type drops messages about the one sent.
      await user.selectOptions(within(dialog).getByLabelText('Type'), 'webhook');
      expect(within(dialog).getByLabelText('Type')).not.toHaveAccessibleDescription(sms);
      expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    });

    it('keeps a webhook’s secret unless a new one is entered, and never shows the stored one', async () => {
      const bot = aContactPoint({ name: 'Incident bot', hasSecret: true });
      const api = network({
        [LIST]: json(aContactPointList([bot])),
        [`PUT ${ONE(bot.id)}`]: (request) =>
          request
            .clone()
            .json()
            .then((body) => json({ ...bot, ...body })),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Edit Incident bot' }));
      const dialog = screen.getByRole('dialog', { name: 'Edit Incident bot' });

      expect(within(dialog).getByText('Signing secret:')).toHaveTextContent('Signing secret: Set');
      const secret = within(dialog).getByLabelText('New signing secret');
      expect(secret).toHaveValue('');
      expect(secret).toHaveAttribute('type', 'password');
      expect(secret).toHaveAccessibleDescription(/Leave empty to keep the current secret/);
      expect(within(dialog).getByLabelText('URL')).toHaveValue('https://hooks.example.com/alerts');

      await user.click(within(dialog).getByRole('button', { name: 'Save contact point' }));
      await waitFor(() => expect(api.requestsTo(`PUT ${ONE(bot.id)}`)).toHaveLength(1));
      expect(await defined(api.requestsTo(`PUT ${ONE(bot.id)}`)[0]).json()).toEqual({
        name: 'Incident bot',
        type: 'webhook',
        settings: { url: 'https://hooks.example.com/alerts' },
      });
      expect(await screen.findByText('Incident bot saved')).toBeInTheDocument();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('replaces the secret with a generated one the admin can see before saving', async () => {
      const bot = aContactPoint({ name: 'Incident bot', hasSecret: true });
      const api = network({
        [LIST]: json(aContactPointList([bot])),
        [`PUT ${ONE(bot.id)}`]: json(bot),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Edit Incident bot' }));
      const dialog = screen.getByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Generate a new secret' }));
      const secret = within(dialog).getByLabelText('New signing secret');
      expect(secret).toHaveAttribute('type', 'text');
      const generated = (secret as HTMLInputElement).value;
      expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

      await user.click(within(dialog).getByRole('button', { name: 'Save contact point' }));
      await waitFor(() => expect(api.requestsTo(`PUT ${ONE(bot.id)}`)).toHaveLength(1));
      expect(
        (await bodyOf<{ secret: string }>(defined(api.requestsTo(`PUT ${ONE(bot.id)}`)[0]))).secret,
      ).toBe(generated);
    });

    it('tells that saving a disabled contact point enables it again', async () => {
      const bot = aContactPoint({
        name: 'Old hook',
        disabled: true,
        disabledReason: 'The webhook answered 410 Gone',
      });
      network({ [LIST]: json(aContactPointList([bot])) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Edit Old hook' }));
      expect(screen.getByRole('dialog')).toHaveTextContent(
        'Deliveries to it stopped (The webhook answered 410 Gone). Saving enables it again.',
      );
    });
  });

  describe('testing', () => {
    it('shows each recipient’s result: delivered or not, the reply code and the error', async () => {
      const mail = aContactPoint({
        name: 'On-call mail',
        type: 'email',
        settings: { addresses: ['oncall@example.com'] },
        hasSecret: false,
      });
      let answer: (response: Response) => void = () => undefined;
      const api = network({
        [LIST]: json(aContactPointList([mail])),
        [`POST ${ONE(mail.id)}/test`]: () => new Promise<Response>((resolve) => (answer = resolve)),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Send test to On-call mail' }));
      const dialog = screen.getByRole('dialog', { name: 'Test of On-call mail' });
      expect(within(dialog).getByRole('status')).toHaveTextContent('Sending a test notification…');

      answer(
        json([
          aTestResult({
            contactPointType: 'email',
            recipient: 'oncall@example.com',
            status: 'failed',
            responseCode: 550,
            error: 'Mailbox unavailable',
          }),
        ]),
      );
      const results = await within(dialog).findByRole('list', { name: 'Test results' });
      expect(results).toHaveTextContent('Not delivered');
      expect(results).toHaveTextContent('oncall@example.com');
      expect(results).toHaveTextContent('SMTP 550');
      expect(results).toHaveTextContent('Mailbox unavailable');

      api.on(
        `POST ${ONE(mail.id)}/test`,
        json([aTestResult({ contactPointType: 'email', responseCode: 250, recipient: 'x' })]),
      );
      await user.click(within(dialog).getByRole('button', { name: 'Send again' }));
      await waitFor(() => expect(results).toHaveTextContent('Delivered'));
      expect(results).not.toHaveTextContent('Not delivered');
      expect(results).toHaveTextContent('SMTP 250');
      expect(api.requestsTo(`POST ${ONE(mail.id)}/test`)).toHaveLength(2);
    });

    it('shows why a test could not be sent at all', async () => {
      const bot = aContactPoint({ name: 'Incident bot' });
      network({
        [LIST]: json(aContactPointList([bot])),
        [`POST ${ONE(bot.id)}/test`]: apiError(404, 'No contact point with this ID'),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Send test to Incident bot' }));
      const dialog = screen.getByRole('dialog');
      const alert = await within(dialog).findByRole('alert');
      expect(alert).toHaveTextContent('No contact point with this ID Reference: ffffffff');
      expect(alert.parentElement?.firstElementChild).toBe(alert);
    });
  });

  describe('deleting', () => {
    it('asks first, deletes and says so', async () => {
      const bot = aContactPoint({ name: 'Incident bot' });
      const api = network({
        [LIST]: json(aContactPointList([bot])),
        [`DELETE ${ONE(bot.id)}`]: json(null, 204),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Delete Incident bot' }));
      const dialog = screen.getByRole('dialog', { name: 'Delete Incident bot?' });
      api.on(LIST, json(aContactPointList([])));
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

      expect(await screen.findByText('Incident bot was deleted')).toBeInTheDocument();
      expect(await screen.findByText('No contact points yet')).toBeInTheDocument();
      expect(api.requestsTo(`DELETE ${ONE(bot.id)}`)).toHaveLength(1);
    });

    it('keeps the dialog open with the rules that still use it', async () => {
      const bot = aContactPoint({ name: 'Incident bot' });
      const refusal =
        'This contact point is used by an enabled alert rule: "Slow endpoints". Remove it from that rule or disable it first.';
      network({
        [LIST]: json(aContactPointList([bot])),
        [`DELETE ${ONE(bot.id)}`]: apiError(409, refusal, { rules: ['Slow endpoints (r1)'] }),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Delete Incident bot' }));
      const dialog = screen.getByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(refusal);
      expect(dialog).toBeVisible();
    });
  });
});
