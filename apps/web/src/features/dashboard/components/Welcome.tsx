import { Link } from 'react-router';
import { EmptyState } from '../../../ui';

/** A new user's dashboard: nothing to sum up yet, and the two first steps. */
export function Welcome() {
  return (
    <EmptyState title="Nothing to show yet">
      <p>Record what you spend and earn, and this page sums up your month.</p>
      <div className="welcome__steps">
        <Link className="button" to="/transactions">
          Add your first transaction
        </Link>
        <Link className="button button--ghost" to="/categories">
          Create a category
        </Link>
      </div>
    </EmptyState>
  );
}
