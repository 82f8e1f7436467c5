import { NavLink } from 'react-router';
import { isAdmin, useSession } from '../features/session';

interface NavItem {
  to: string;
  label: string;
  /** Active on this exact path only (the dashboard is `/`, a prefix of every path). */
  end?: boolean;
}

const EVERYONE: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/accounts', label: 'Accounts' },
  { to: '/transactions', label: 'Transactions' },
  { to: '/import', label: 'Import' },
  { to: '/budgets', label: 'Budgets' },
  { to: '/goals', label: 'Goals' },
  { to: '/recurring', label: 'Recurring' },
  { to: '/categories', label: 'Categories' },
];
const ADMINS_TOO: NavItem[] = [...EVERYONE, { to: '/admin', label: 'Admin' }];

/** The main navigation; the admin area is listed for admins only. */
export function MainNav({ onNavigate }: { onNavigate(): void }) {
  const admin = useSession((state) => isAdmin(state.user));
  return (
    <nav aria-label="Main" className="main-nav">
      <ul className="main-nav__list">
        {(admin ? ADMINS_TOO : EVERYONE).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav__link" onClick={onNavigate}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
