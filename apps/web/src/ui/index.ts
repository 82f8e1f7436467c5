import './ui.css';

export { AutoRefreshToggle } from './AutoRefreshToggle';
export { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
export { DebouncedTextField } from './DebouncedTextField';
export { Dialog } from './Dialog';
export { EmptyState } from './EmptyState';
export { ErrorMessage } from './ErrorMessage';
export { ErrorReference } from './ErrorReference';
export { ErrorState } from './ErrorState';
export { FieldFrame, fieldDescribedBy, SelectField, TextAreaField, TextField } from './Field';
export { apiFieldError, FormActions, FormError } from './FormParts';
export { focusPageHeading } from './focus-page-heading';
export {
  formatDay,
  formatLocalTime,
  formatMoney,
  formatSignedMoney,
  formatUtcTime,
  isoOfLocalInput,
  localInputOf,
  type MinorUnits,
} from './format';
export { LocalTime } from './LocalTime';
export { PageHeader } from './PageHeader';
export { Pager } from './Pager';
export { Skeleton } from './Skeleton';
export { useFormErrors } from './use-form-errors';
