import type {
  AlertSeverity,
  AlertState,
  ContactPointType,
  AlertNotificationKind,
} from '@ledgerlens/contracts';

export interface EmailSettings {
  addresses: string[];
}
export interface WebhookSettings {
  url: string;
}
export interface SmsSettings {
  /** E.164 numbers, e.g. `+4915112345678`. */
  numbers: string[];
}
export interface ContactPointSettings {
  email: EmailSettings;
  webhook: WebhookSettings;
  sms: SmsSettings;
}

/** A contact point (`notification_channels`) ready to send: its secret decrypted. */
export type ContactPoint = {
  [T in ContactPointType]: {
    id: string;
    name: string;
    type: T;
    settings: ContactPointSettings[T];
    /** The webhook's `whsec_` signing secret; null for other types. */
    secret: string | null;
  };
}[ContactPointType];

/** One alert instance in a notification (one Alertmanager `alerts[]` entry). */
export interface NotifiedInstance {
  /** Stable across evaluations: the rule ID and the group-by value. */
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: AlertState;
  /** The last evaluated value; null without data. */
  value: number | null;
  startsAt: Date;
  /** When it resolved; null while firing. */
  endsAt: Date | null;
}

/** What one notification says, whatever carries it. */
export interface AlertMessage {
  kind: AlertNotificationKind;
  rule: {
    id: string;
    name: string;
    description: string;
    severity: AlertSeverity;
    metricType: string;
    operator: string;
    threshold: number;
    windowSeconds: number;
    /** The instance label the rule splits by (`route`, `module`, `source`), if any. */
    groupBy?: string | null;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  /** Identifies the rule's alert group across notifications (Alertmanager's `groupKey`). */
  groupKey: string;
  firing: NotifiedInstance[];
  resolved: NotifiedInstance[];
  /** The SPA page of this rule, for people (`generatorURL`). */
  ruleUrl: string;
  /** PUBLIC_URL (`externalURL`). */
  externalUrl: string;
}

/** One attempt's result. */
export interface DeliveryOutcome {
  status: 'sent' | 'failed';
  /** The HTTP status (webhook, SMS) or SMTP reply code (email), when there was an answer. */
  responseCode?: number;
  /** Why it failed, safe to show an admin (no secrets). */
  error?: string;
  /** How long the receiver asked to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** Retrying cannot help (e.g. 400, 404): the delivery fails now. */
  permanent?: boolean;
  /** The receiver said 410 Gone: the contact point is to be disabled. */
  gone?: boolean;
}

/** The identity of one delivery attempt: stable `deliveryId` across retries (webhook-id). */
export interface DeliveryAttempt {
  deliveryId: string;
  attempt: number;
}

/** Sends messages through one kind of contact point. */
export interface ContactPointSender<T extends ContactPointType = ContactPointType> {
  readonly type: T;
  /** Whether the API is configured for this kind (SMTP_URL, SMS settings). */
  readonly available: boolean;
  /** One delivery per recipient: all addresses of an email at once; each SMS number; the URL. */
  recipientsOf(point: Extract<ContactPoint, { type: T }>): string[];
  send(
    point: Extract<ContactPoint, { type: T }>,
    recipient: string,
    message: AlertMessage,
    attempt: DeliveryAttempt,
  ): Promise<DeliveryOutcome>;
}
