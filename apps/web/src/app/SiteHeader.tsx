import { type KeyboardEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { NotificationBell } from '../features/notifications';
import { ConnectionIndicator } from '../features/realtime';
import { AccountMenu } from './AccountMenu';
import { MainNav } from './MainNav';

const MENU_ID = 'site-menu';

/**
 * Brand, connection state, notifications, navigation and account. At phone width the navigation
 * and account fold into a menu opened by a button; wider screens show them inline (the button is
 * hidden). The bell stays outside the menu, so its count shows at every width.
 */
export function SiteHeader() {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  }

  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand site-header__brand">
          <span className="site-header__brand-name">Ledgerlens</span>
        </Link>
        <ConnectionIndicator />
        <NotificationBell />
        <button
          ref={menuButton}
          type="button"
          className="site-header__menu-button"
          aria-expanded={menuOpen}
          aria-controls={MENU_ID}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? 'Close' : 'Menu'}
        </button>
        <div
          id={MENU_ID}
          className={`site-header__menu${menuOpen ? ' site-header__menu--open' : ''}`}
          onKeyDown={closeOnEscape}
        >
          <MainNav onNavigate={() => setMenuOpen(false)} />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
