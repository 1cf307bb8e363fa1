import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from './forms.tsx';

/** The QR code's SVG as an image with a name for screen readers (the secret is also given as text below). */
const labelled = (svg: string, label: string) => svg.replace(/^\s*<svg\b/, `<svg role="img" aria-label="${label}"`);

/** The Base32 secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Setting up an authenticator app (staff pages, German only): QR code, the secret as text for manual entry,
 * and the form that confirms the set-up with a code. The secret travels sealed in a hidden field.
 */
export function TotpSetupForm(p: {
  csrfToken: string;
  action: string;
  setup: { secret: string; sealed: string; qrSvg: string };
  errors: FieldErrors;
  /** Extra hidden fields (e.g. which action of the page this is). */
  hidden?: Record<string, string>;
}) {
  return (
    <div className="kern-stack-lg">
      <ErrorSummary errors={p.errors} title="Bitte korrigieren Sie die folgenden Angaben:" />
      <ol className="kern-list kern-stack-sm">
        <li>Öffnen Sie eine Authenticator-App auf Ihrem Diensthandy (zum Beispiel FreeOTP, Aegis oder die App Ihres Hauses).</li>
        <li>
          Scannen Sie diesen QR-Code mit der App:
          <div className="qr" dangerouslySetInnerHTML={{ __html: labelled(p.setup.qrSvg, 'QR-Code zum Einrichten der Authenticator-App') }} />
        </li>
        <li>
          Oder geben Sie den Schlüssel von Hand ein (zeitbasiert, 6 Ziffern, 30 Sekunden):{' '}
          <code className="totp-secret" data-totp-secret={p.setup.secret}>
            {grouped(p.setup.secret)}
          </code>
        </li>
        <li>Geben Sie zur Bestätigung den Code ein, den die App jetzt anzeigt.</li>
      </ol>
      <PostForm csrfToken={p.csrfToken} action={p.action}>
        <input type="hidden" name="sealed" value={p.setup.sealed} />
        {Object.entries(p.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextField
          name="code"
          label="Sicherheitscode aus der App"
          hint="6 Ziffern, ohne Leerzeichen"
          inputMode="numeric"
          autoComplete="one-time-code"
          width="kurz"
          error={p.errors.code}
          required
        />
        <SubmitButton>Einrichtung bestätigen</SubmitButton>
      </PostForm>
    </div>
  );
}
