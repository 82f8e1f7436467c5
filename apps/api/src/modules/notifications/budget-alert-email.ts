import { NotificationSnapshot } from '@ledgerlens/contracts';
import type { MailMessage } from '../../common/mail/mailer';
import { BUDGETS_PATH } from './budget-threshold-notification';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** A header must stay one line: control characters (a newline in a category name) become spaces. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * The email of a budget alert, from its stored notification: the same words, and a link to the
 * budgets page at `publicUrl` (the SPA's address, without a trailing slash).
 */
export function budgetAlertEmail(
  notification: NotificationSnapshot,
  publicUrl: string,
): Omit<MailMessage, 'to'> {
  const url = `${publicUrl}${BUDGETS_PATH}`;
  const footer = 'You get this email because budget alert emails are on for your account.';
  return {
    subject: `Budget alert: ${oneLine(notification.title)}`,
    text: `${notification.title}\n\n${notification.body}\n\nSee your budgets: ${url}\n\n${footer}\n`,
    html: [
      '<!doctype html>',
      '<html><body>',
      `<h1>${escapeHtml(notification.title)}</h1>`,
      `<p>${escapeHtml(notification.body)}</p>`,
      `<p><a href="${escapeHtml(url)}">See your budgets</a></p>`,
      `<p><small>${escapeHtml(footer)}</small></p>`,
      '</body></html>',
    ].join('\n'),
  };
}
