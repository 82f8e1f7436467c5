import './ui.css';

export { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
export { Dialog } from './Dialog';
export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { SelectField, TextAreaField, TextField } from './Field';
export { apiFieldError, FormActions, FormError } from './FormParts';
export { focusPageHeading } from './focus-page-heading';
export { formatDay, formatMoney, formatSignedMoney, type MinorUnits } from './format';
export { PageHeader } from './PageHeader';
export { Skeleton } from './Skeleton';
