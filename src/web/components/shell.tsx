import type { ReactNode } from 'react';
import type { Role } from '../../server/policies.ts';
import { can, type Permission } from '../../server/policies.ts';
import { LANGUAGES, RTL_LANGUAGES, translator, type Lang } from '../../i18n/index.ts';
import { text as formularText, type Sprache } from '../../domain/formular/index.ts';

export type ShellUser = { name: string; art: 'staff' | 'buerger'; roles: Role[]; traegerName: string };

export type ShellProps = {
  lang: Lang;
  title: string;
  csrfToken: string;
  user: ShellUser | null;
  /** Name of the Jobcenter for the header of public pages. */
  jobcenterName: string | null;
  path: string;
  /** Citizen pages offer the language switch; staff pages are German only. */
  citizen: boolean;
  hinweis?: string | null;
  children: ReactNode;
};

const STAFF_NAV: { href: string; label: string; permission?: Permission }[] = [
  { href: '/arbeitsplatz', label: 'Arbeitsplatz' },
  { href: '/faelle', label: 'Fälle', permission: 'fall.lesen' },
  { href: '/arbeitsvorrat', label: 'Arbeitsvorrat', permission: 'fall.lesen' },
  { href: '/online-eingang', label: 'Online-Eingang', permission: 'fall.lesen' },
  { href: '/integration', label: 'Integration', permission: 'integration.bearbeiten' },
  { href: '/integration/massnahmen', label: 'Maßnahmen', permission: 'massnahmen.lesen' },
  { href: '/fordern', label: 'Minderungen', permission: 'fordern.lesen' },
  { href: '/termine/kalender', label: 'Termine', permission: 'termine.bearbeiten' },
  { href: '/freigaben', label: 'Freigaben', permission: 'bewilligung.freigeben' },
  { href: '/zahlung', label: 'Zahlung', permission: 'zahllauf.uebersicht' },
  { href: '/erstattungen', label: 'Erstattungen', permission: 'bewilligung.bearbeiten' },
  { href: '/kosten', label: 'Kosten', permission: 'kosten.lesen' },
  { href: '/steuerung', label: 'Steuerung', permission: 'statistik.lesen' },
  { href: '/integration/budget', label: 'Eingliederungsbudget', permission: 'budget.lesen' },
  { href: '/massenaenderung', label: 'Massenänderung', permission: 'massenaenderung.ausfuehren' },
  { href: '/verwaltung/kdu-richtwerte', label: 'KdU-Richtwerte', permission: 'kdu.verwalten' },
  { href: '/verwaltung', label: 'Verwaltung', permission: 'organisation.verwalten' },
  { href: '/verwaltung/protokoll', label: 'Zugriffsprotokoll', permission: 'protokoll.durchsuchen' },
];

/** The page frame: skip link, header with navigation, main content, footer. Plain HTML, no JavaScript needed. */
export function Shell(p: ShellProps) {
  const t = translator(p.citizen ? p.lang : 'de');
  const htmlLang = p.citizen ? p.lang : 'de';
  const nav: { href: string; label: string }[] = [];
  if (!p.user) {
    nav.push({ href: '/', label: t('shell.startseite') });
  } else if (p.user.art === 'buerger') {
    nav.push({ href: '/portal', label: t('shell.portal') }, { href: '/konto', label: t('shell.konto') });
  } else {
    for (const item of STAFF_NAV) if (!item.permission || can(p.user, item.permission)) nav.push(item);
    nav.push({ href: '/konto', label: 'Mein Konto' });
  }
  const header = p.user?.traegerName ? `Jobcenter ${p.user.traegerName}` : (p.jobcenterName ?? 'vorort');
  const hauptnavigation = (
    <nav aria-label={t('shell.nav')} className="site-nav">
      <ul className="kern-list kern-list--horizontal">
        {nav.map((n) => (
          <li key={n.href}>
            <a className="kern-link" href={n.href} aria-current={p.path === n.href ? 'page' : undefined}>
              {n.label}
            </a>
          </li>
        ))}
        {p.user ? (
          <li>
            <form method="post" action="/abmelden" className="inline-form">
              <input type="hidden" name="_csrf" value={p.csrfToken} />
              <button type="submit" className="kern-btn kern-btn--tertiary kern-btn--x-small">
                <span className="kern-label">{t('shell.abmelden')}</span>
              </button>
            </form>
          </li>
        ) : (
          <>
            <li>
              <a className="kern-link" href="/anmelden" aria-current={p.path === '/anmelden' ? 'page' : undefined}>
                {t('shell.anmelden')}
              </a>
            </li>
            <li>
              <a className="kern-link" href="/registrieren" aria-current={p.path === '/registrieren' ? 'page' : undefined}>
                {t('shell.registrieren')}
              </a>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
  const sprachwahl = p.citizen ? (
    <nav aria-label={t('shell.sprache')} className="lang-switch">
      <ul className="kern-list kern-list--horizontal">
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <li key={code}>
            <a
              className="kern-link kern-link--small"
              href={`?lang=${code}`}
              lang={code}
              hrefLang={code}
              aria-current={code === p.lang ? 'true' : undefined}
            >
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  ) : null;
  return (
    <html lang={htmlLang} dir={RTL_LANGUAGES.has(htmlLang) ? 'rtl' : 'ltr'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} – ${header}`}</title>
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/enhance.js" defer />
      </head>
      <body className="kern-light">
        <a className="skip-link kern-link" href="#inhalt">
          {t('shell.skip')}
        </a>
        <div className="kern-kopfzeile">
          <div className="kern-container">
            <div className="kern-kopfzeile__content">
              <span className="kern-kopfzeile__flagge" aria-hidden="true" />
              <span className="kern-kopfzeile__label">{t('shell.kopfzeile')}</span>
            </div>
          </div>
        </div>
        <header className="site-header">
          <div className="kern-container site-header__inner">
            <a className="site-header__brand" href={p.user ? (p.user.art === 'staff' ? '/arbeitsplatz' : '/portal') : '/'}>
              {header}
            </a>
            {p.user?.art === 'staff' ? (
              // Staff on a phone: the navigation folds into "Menü" (a <details>, works without JavaScript); on wide
              // screens app.css shows its content and hides the toggle.
              <details className="site-menu">
                <summary className="site-menu__toggle kern-btn kern-btn--secondary kern-btn--small">
                  <span className="kern-label">Menü</span>
                </summary>
                {hauptnavigation}
                {sprachwahl}
              </details>
            ) : (
              hauptnavigation
            )}
            {p.user?.art === 'staff' ? null : sprachwahl}
          </div>
          {p.user ? (
            <div className="kern-container">
              <p className="kern-body kern-body--small site-header__user">{t('shell.angemeldet_als', { name: p.user.name })}</p>
            </div>
          ) : null}
        </header>
        <main id="inhalt" tabIndex={-1} className="kern-container site-main">
          {p.hinweis ? (
            // A live region for the one-time notice; <output> (the lint rule's suggestion) belongs to forms.
            // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
            <div className="kern-alert kern-alert--success" role="status">
              <div className="kern-alert__header">
                <span className="kern-icon kern-icon--success" aria-hidden="true" />
                <span className="kern-title">{p.hinweis}</span>
              </div>
            </div>
          ) : null}
          {p.children}
        </main>
        <footer className="site-footer">
          <div className="kern-container">
            <ul className="kern-list kern-list--horizontal">
              <li>
                <a className="kern-link" href="/barrierefreiheit">
                  {t('shell.barrierefreiheit')}
                </a>
              </li>
              <li>
                <a className="kern-link" href="/datenschutz">
                  {t('shell.datenschutz')}
                </a>
              </li>
            </ul>
            {htmlLang !== 'de' ? <p className="kern-body kern-body--small">{formularText('portal.deutsch_verbindlich', htmlLang as Sprache)}</p> : null}
            <p className="kern-body kern-body--small">vorort – Stark. Sozial. Vor Ort.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
