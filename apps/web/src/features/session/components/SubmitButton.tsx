/**
 * A submit button that says when it is working. It stays focusable while pending
 * (`aria-disabled` rather than `disabled`, which would drop keyboard focus to the page); the
 * form ignores submits meanwhile.
 */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <button type="submit" className="button auth__submit" aria-disabled={pending || undefined}>
      {pending ? pendingLabel : label}
    </button>
  );
}
