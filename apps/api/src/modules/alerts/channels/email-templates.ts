import {
  conditionText,
  durationInWords,
  formatValue,
  instancesOf,
  metricName,
  oneLine,
  truncate,
} from './alert-text';
import type { AlertMessage, NotifiedInstance } from './contact-point';

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
}

/** Annotations with a place of their own in the email; the others are listed as they are. */
const SUMMARY = 'summary';
const DESCRIPTION = 'description';
const RUNBOOK = 'runbook_url';
const MAX_SUBJECT = 200;

type Rule = AlertMessage['rule'];

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) links become links: an annotation could hold `javascript:`. */
function isWebLink(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

/** `[FIRING:2] High p95 latency (critical)`, `[RESOLVED] …`, `[TEST] …`. */
export function alertSubject(message: AlertMessage): string {
  const tag =
    message.kind === 'firing'
      ? `FIRING:${message.firing.length}`
      : message.kind === 'resolved'
        ? 'RESOLVED'
        : 'TEST';
  return truncate(oneLine(`[${tag}] ${message.rule.name} (${message.rule.severity})`), MAX_SUBJECT);
}

function headline(message: AlertMessage): string {
  const count = instancesOf(message).length;
  const instances = `${count} instance${count === 1 ? '' : 's'}`;
  if (message.kind === 'test') {
    return 'This is a test notification from Ledgerlens: it shows how this rule’s alerts reach this contact point. Nothing is firing.';
  }
  if (message.kind === 'resolved') return `Resolved: ${instances} back to normal.`;
  return `Firing: ${instances}.`;
}

/** `p95 latency > 200 ms over the last 5 minutes`. */
function conditionLine(rule: Rule): string {
  return `${metricName(rule.metricType)} ${conditionText(rule)} over the last ${durationInWords(rule.windowSeconds)}`;
}

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0
    ? '(all)'
    : entries.map(([key, value]) => `${key}=${value}`).join(', ');
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function timesOf(instance: NotifiedInstance): string {
  return instance.endsAt
    ? `from ${utc(instance.startsAt)} to ${utc(instance.endsAt)}`
    : `since ${utc(instance.startsAt)}`;
}

interface Section {
  title: string;
  instances: NotifiedInstance[];
}

function sectionsOf(message: AlertMessage): Section[] {
  return [
    { title: 'Firing', instances: message.firing },
    { title: 'Resolved', instances: message.resolved },
  ].filter((section) => section.instances.length > 0);
}

/** Annotations other than summary, description and runbook, rule's then instance's. */
function otherAnnotations(annotations: Record<string, string>): [string, string][] {
  return Object.entries(annotations).filter(
    ([key]) => key !== SUMMARY && key !== DESCRIPTION && key !== RUNBOOK,
  );
}

function textBody(message: AlertMessage): string {
  const { rule } = message;
  const lines = [alertSubject(message), '', headline(message), '', `Rule: ${rule.name}`];
  lines.push(`Severity: ${rule.severity}`, `Condition: ${conditionLine(rule)}`);
  if (rule.annotations[SUMMARY]) lines.push(`Summary: ${rule.annotations[SUMMARY]}`);
  const description = rule.annotations[DESCRIPTION] ?? rule.description;
  if (description) lines.push(`Description: ${description}`);
  for (const [key, value] of otherAnnotations(rule.annotations)) lines.push(`${key}: ${value}`);
  if (Object.keys(rule.labels).length > 0) lines.push(`Labels: ${labelText(rule.labels)}`);
  for (const section of sectionsOf(message)) {
    lines.push('', `${section.title} (${section.instances.length}):`);
    for (const instance of section.instances) {
      const value = formatValue(rule.metricType, instance.value);
      lines.push(`- ${labelText(instance.labels)}: ${value}, ${timesOf(instance)}`);
      for (const [key, text] of Object.entries(instance.annotations)) {
        lines.push(`  ${key}: ${text}`);
      }
    }
  }
  lines.push('');
  if (rule.annotations[RUNBOOK]) lines.push(`Runbook: ${rule.annotations[RUNBOOK]}`);
  lines.push(`Open the rule: ${message.ruleUrl}`, '', '-- ', 'Ledgerlens alerting');
  return lines.join('\n');
}

function link(url: string, label: string): string {
  if (!isWebLink(url)) return escapeHtml(url);
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

function row(name: string, valueHtml: string): string {
  return `<tr><th align="left" style="padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(name)}</th><td style="padding:2px 0">${valueHtml}</td></tr>`;
}

const COLOURS: Record<AlertMessage['kind'], string> = {
  firing: '#b42318',
  resolved: '#067647',
  test: '#175cd3',
};

function htmlBody(message: AlertMessage): string {
  const { rule } = message;
  const rows = [
    row('Rule', escapeHtml(rule.name)),
    row('Severity', escapeHtml(rule.severity)),
    row('Condition', escapeHtml(conditionLine(rule))),
  ];
  if (rule.annotations[SUMMARY]) rows.push(row('Summary', escapeHtml(rule.annotations[SUMMARY])));
  const description = rule.annotations[DESCRIPTION] ?? rule.description;
  if (description) rows.push(row('Description', escapeHtml(description)));
  for (const [key, value] of otherAnnotations(rule.annotations)) {
    rows.push(row(key, escapeHtml(value)));
  }
  if (Object.keys(rule.labels).length > 0) {
    rows.push(row('Labels', escapeHtml(labelText(rule.labels))));
  }
  if (rule.annotations[RUNBOOK]) {
    rows.push(row('Runbook', link(rule.annotations[RUNBOOK], rule.annotations[RUNBOOK])));
  }
  const sections = sectionsOf(message).map((section) => {
    const items = section.instances.map((instance) => {
      const notes = Object.entries(instance.annotations).map(
        ([key, text]) => `<br><small>${escapeHtml(key)}: ${escapeHtml(text)}</small>`,
      );
      return `<li><code>${escapeHtml(labelText(instance.labels))}</code>: <strong>${escapeHtml(
        formatValue(rule.metricType, instance.value),
      )}</strong>, ${escapeHtml(timesOf(instance))}${notes.join('')}</li>`;
    });
    return `<h3 style="margin:16px 0 4px">${escapeHtml(section.title)} (${section.instances.length})</h3><ul style="margin:0;padding-left:20px">${items.join('')}</ul>`;
  });
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:14px;color:#101828">',
    `<h2 style="margin:0 0 8px;color:${COLOURS[message.kind]}">${escapeHtml(alertSubject(message))}</h2>`,
    `<p style="margin:0 0 12px">${escapeHtml(headline(message))}</p>`,
    `<table cellpadding="0" cellspacing="0">${rows.join('')}</table>`,
    ...sections,
    `<p style="margin:16px 0">${link(message.ruleUrl, 'Open the rule in Ledgerlens')}</p>`,
    '<p style="color:#667085;font-size:12px">Ledgerlens alerting</p>',
    '</body></html>',
  ].join('\n');
}

/** The email of one notification: subject, plain text and HTML (every value escaped). */
export function alertEmail(message: AlertMessage): AlertEmail {
  return { subject: alertSubject(message), text: textBody(message), html: htmlBody(message) };
}
