import { isMonthKey } from '@ledgerlens/contracts';
import { useSearchParams } from 'react-router';
import { useFormatSettings } from '../../../lib/format-settings';
import { currentMonthKey, type Month, monthOfKey } from '../month';

export interface ChosenMonth {
  month: Month;
  /** This month in the user's time zone: the latest that can be chosen. */
  currentKey: string;
  isCurrent: boolean;
  /** Shows `key` (a month up to the current one); the current month clears `?month=`. */
  choose: (key: string) => void;
}

/**
 * The month the dashboard shows: `?month=YYYY-MM` of the URL, or this month in the user's time
 * zone when there is none (or it is not a month, or is still to come).
 */
export function useChosenMonth(): ChosenMonth {
  const timeZone = useFormatSettings((settings) => settings.timeZone);
  const [params, setParams] = useSearchParams();
  const currentKey = currentMonthKey(new Date(), timeZone);
  const asked = params.get('month');
  const key = isMonthKey(asked) && asked < currentKey ? asked : currentKey;
  return {
    month: monthOfKey(key),
    currentKey,
    isCurrent: key === currentKey,
    choose: (next) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next >= currentKey) updated.delete('month');
        else updated.set('month', next);
        return updated;
      }),
  };
}
