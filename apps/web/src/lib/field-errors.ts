import { ApiError, errorMessageOf } from './api-error';

/** One field of a form: its label, and the API body field whose messages it shows. */
export interface FormField {
  label: string;
  /** The API's name for the field, when it is not the form's own (`limitCents` for `limit`). */
  api?: string;
}

/** A form's fields by the form's names for them. */
export type FormFields<Name extends string> = Record<Name, FormField>;

/** Messages to show beside fields, by the form's names. */
export type FieldMessages<Name extends string> = Partial<Record<Name, string>>;

/** A refused save as a form shows it: messages beside fields, and one for the form. */
export interface Refusal<Name extends string> {
  fields: FieldMessages<Name>;
  /** Messages about fields the form does not show, in words; the form's message holds them too. */
  others: string[];
  form: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Alert thresholds (%)" → "Alert thresholds": the label without its aside, as said in a sentence. */
const spoken = (label: string) => label.replace(/\s*\(.*\)$/, '');

/** "maxAmountCents" → "max amount": an API name no form field shows, in words. */
const wordsOf = (apiName: string) =>
  apiName
    .replace(/(Cents|Id)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** Mid-sentence, a label starts in lower case ("must not exceed your name"); an acronym stays. */
const midSentence = (words: string) => (/^[A-Z][a-z]/.test(words) ? words.toLowerCase() : words);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The API's name of each field, with the words the form uses for it. */
const apiNamesOf = <Name extends string>(fields: FormFields<Name>) =>
  (Object.entries(fields) as [Name, FormField][]).map(([name, field]) => ({
    name,
    apiName: field.api ?? name,
    words: spoken(field.label),
  }));

/**
 * The API words its messages after its field names ("displayName is required"): each name in
 * the message becomes the form's words for it ("Your name is required"), and an API name the
 * form does not know (`maxAmountCents`) becomes plain words.
 */
function inFormWords(message: string, apiNames: { apiName: string; words: string }[]): string {
  const known = new Map(apiNames.map(({ apiName, words }) => [apiName, words]));
  // A nested field's message names it by its own name: `groupWaitSeconds`, not `notification.…`.
  for (const { apiName, words } of apiNames) {
    const own = apiName.split('.').pop() ?? apiName;
    if (!known.has(own)) known.set(own, words);
  }
  const names = [...known.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`\\b(?:${[...names, '[a-z]+(?:[A-Z][a-z0-9]*)+'].join('|')})\\b`, 'g');
  const worded = message.replace(pattern, (name: string, offset: number) => {
    const words = known.get(name) ?? wordsOf(name);
    return offset === 0 ? words : midSentence(words);
  });
  return capitalised(worded);
}

/**
 * A failed save in the form's words: the first message of each API field beside the form field
 * that shows it (`alertThresholds.1` beside the field for `alertThresholds`); for the form, what
 * no field explains — the messages of fields the form does not show, or the error's own message.
 */
export function refusalOf<Name extends string>(
  error: unknown,
  fields: FormFields<Name>,
): Refusal<Name> {
  const apiNames = apiNamesOf(fields);
  const longestFirst = [...apiNames].sort((a, b) => b.apiName.length - a.apiName.length);
  /** The form field of an API field: its own, or the one of the list or object it is in. */
  const fieldOf = (apiField: string) =>
    longestFirst.find(({ apiName }) => apiField === apiName || apiField.startsWith(`${apiName}.`))
      ?.name;

  const shown: FieldMessages<Name> = {};
  const others: string[] = [];
  const details = error instanceof ApiError ? Object.entries(error.details) : [];
  for (const [apiField, [message]] of details) {
    if (!message) continue;
    const name = fieldOf(apiField);
    if (name === undefined) others.push(`${inFormWords(message, apiNames)}.`);
    else shown[name] ??= inFormWords(message, apiNames);
  }
  const highlighted = Object.keys(shown).length > 0 ? ['Check the highlighted fields.'] : [];
  const own =
    error instanceof ApiError ? inFormWords(error.message, apiNames) : errorMessageOf(error);
  return { fields: shown, others, form: [...highlighted, ...others].join(' ') || own };
}
