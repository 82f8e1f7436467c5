import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="notice-page">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to your dashboard</Link>
      </p>
    </section>
  );
}
