/** The "Auto-refresh every N s" switch the admin pages share; the page does the refreshing. */
export function AutoRefreshToggle({
  checked,
  intervalMs,
  onChange,
}: {
  checked: boolean;
  intervalMs: number;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="auto-refresh">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      Auto-refresh every {intervalMs / 1000} s
    </label>
  );
}
