import { NavLink } from 'react-router';
import './alerting-links.css';

const LINKS = [
  { to: '/admin/alerts', label: 'Alert rules' },
  { to: '/admin/alerts/contact-points', label: 'Contact points' },
  { to: '/admin/alerts/history', label: 'History' },
];

/** The alerting pages reach one another: rules, where they notify, and what happened. */
export function AlertingLinks() {
  return (
    <nav aria-label="Alerting" className="alerting-links">
      {LINKS.map((link) => (
        <NavLink key={link.to} to={link.to} end className="alerting-links__link">
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
