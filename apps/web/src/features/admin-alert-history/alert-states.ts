import { ALERT_STATES, type AlertState } from '@ledgerlens/contracts';

export { ALERT_STATES, type AlertState };

/**
 * Each state's name and timeline colour. Colours differ in lightness as well as hue, and every
 * place that shows one also says the state in words.
 */
export const STATE_STYLES: Record<AlertState, { label: string; color: string }> = {
  normal: { label: 'Normal', color: '#4ade80' },
  pending: { label: 'Pending', color: '#fbbf24' },
  firing: { label: 'Firing', color: '#b91c1c' },
  recovering: { label: 'Recovering', color: '#2563eb' },
  nodata: { label: 'No data', color: '#94a3b8' },
  error: { label: 'Error', color: '#7c3aed' },
};

export const stateLabel = (state: AlertState): string => STATE_STYLES[state].label;
