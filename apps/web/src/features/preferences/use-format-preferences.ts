import { useEffect } from 'react';
import { usePreferences } from '../../entities/preferences';
import { applyFormatSettings, resetFormatSettings } from '../../lib/format-settings';

/**
 * Loads the signed-in user's preferences and formats money, numbers and dates as they say from
 * then on (the defaults until they arrive, and again once the app is left at sign-out).
 */
export function useFormatPreferences(): void {
  const { data } = usePreferences();

  useEffect(() => {
    if (data) {
      applyFormatSettings({
        numberLocale: data.numberFormat,
        dateLocale: data.dateFormat,
        timeZone: data.timeZone,
      });
    }
  }, [data]);

  useEffect(() => resetFormatSettings, []);
}
