import { CHECKIN_FEHLER } from '../domain/termine/checkin.ts';
import { ERGEBNIS_FEHLER } from '../domain/termine/einladung.ts';
import { CHECKIN_MELDUNG, RAUM_MELDUNG, REGEL_FEHLER, type CheckinStatus, type RaumStatus } from '../domain/termine/regeln.ts';
import { TERMIN_FEHLER } from '../domain/termine/verfuegbarkeit.ts';
import { WARTELISTE_FEHLER } from '../domain/termine/warteliste.ts';
import { DOKUMENT_MELDUNGEN, type DokumentFehlerCode } from './dokumente/virenscan.ts';

/**
 * Errors with a stable machine code and a German message for people. Every use case throws these;
 * the HTTP layer maps them to status codes (API: JSON `{error, message, issues?}`; pages: the message at the field).
 *
 * `FEHLERCODES` is the one list of every code a machine may see (issue 12): its German message — the general text;
 * a thrown error may carry a more specific one (with the date, the amount, the limit) — and its HTTP status where it
 * is always the same. `ErrorCode` is derived from it, so a code that is not listed does not compile. Codes whose
 * text belongs to a domain rule (Termine, Warteliste, uploads) keep it in their domain table; the list takes it from
 * there. Per-field codes (`FieldIssue.code`, e.g. zod's `too_small` or `datum_ungueltig`) are a separate, open
 * vocabulary: the field's message is what a client shows (see docs/adr/0013-geschlossene-typen.md).
 */
type Eintrag = { readonly meldung: string; readonly status?: number };

const EIGENE = {
  // request, protocol and boundary (issue 11)
  validation_failed: { status: 400, meldung: 'Bitte prüfen Sie Ihre Eingaben.' },
  invalid_json: { status: 400, meldung: 'Der Inhalt der Anfrage ist kein gültiges JSON.' },
  invalid_characters: { status: 400, meldung: 'Die Angabe enthält unzulässige Zeichen.' },
  invalid_value: { status: 400, meldung: 'Eine Angabe hat ein ungültiges Format oder liegt außerhalb des erlaubten Bereichs. Bitte prüfen Sie Ihre Eingaben.' },
  missing_value: { status: 400, meldung: 'Eine erforderliche Angabe fehlt. Bitte prüfen Sie Ihre Eingaben.' },
  unknown_reference: { status: 400, meldung: 'Ein angegebener Bezug (z. B. Fallakte, Person oder Standort) existiert nicht.' },
  still_referenced: { status: 409, meldung: 'Der Eintrag wird noch verwendet und kann nicht entfernt werden.' },
  constraint_violated: { status: 400, meldung: 'Die Angaben passen nicht zusammen. Bitte prüfen Sie Ihre Eingaben.' },
  already_exists: { status: 409, meldung: 'Einen solchen Eintrag gibt es bereits.' },
  bad_url: { status: 400, meldung: 'Die Adresse enthält eine ungültige Zeichenkodierung (Prozent-Kodierung).' },
  url_too_long: { status: 414, meldung: 'Ein Teil der Adresse ist zu lang.' },
  payload_too_large: { status: 413, meldung: 'Die Anfrage ist zu groß.' },
  unsupported_media_type: { status: 415, meldung: 'Dieses Format wird nicht unterstützt.' },
  method_not_allowed: { status: 405, meldung: 'Diese Aktion ist hier nicht möglich.' },
  bad_request: { meldung: 'Die Anfrage ist ungültig.' },
  csrf_failed: { status: 403, meldung: 'Die Anfrage konnte nicht überprüft werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.' },
  too_many_requests: { status: 429, meldung: 'Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in einigen Minuten erneut.' },
  database_unavailable: { status: 503, meldung: 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.' },
  internal_error: { status: 500, meldung: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.' },
  /** A page's routing error (React Router) shown on the German error page; its status is the router's. */
  error: { meldung: 'Fehler' },

  // general
  unauthenticated: { status: 401, meldung: 'Bitte melden Sie sich an.' },
  forbidden: { status: 403, meldung: 'Dafür fehlt Ihnen die Berechtigung.' },
  not_found: { status: 404, meldung: 'Der Eintrag wurde nicht gefunden.' },
  conflict: { status: 409, meldung: 'Die Änderung steht im Widerspruch zu vorhandenen Daten.' },
  version_conflict: { status: 409, meldung: 'Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie die Änderungen.' },
  status_ungueltig: { status: 409, meldung: 'In diesem Zustand ist das nicht möglich.' },
  zeitraum_ueberschneidung: { status: 409, meldung: 'Für diesen Zeitraum gibt es schon einen Eintrag.' },
  datum_ausserhalb_rechtsstand: { status: 400, meldung: 'Für dieses Datum ist das Recht in vorort nicht hinterlegt.' },
  // Fördern, slice A (Betreuung, Arbeitsmarktstatus, Gesprächsvermerke)
  status_ueberschneidung: { status: 400, meldung: 'Für diesen Zeitraum ist schon ein Arbeitsmarktstatus erfasst. Bitte beenden oder berichtigen Sie erst den vorhandenen.' },
  kein_elb: { status: 400, meldung: 'Diese Person ist keine erwerbsfähige Leistungsberechtigte (eLb) einer laufenden Bedarfsgemeinschaft.' },

  // sign-in and accounts
  invalid_credentials: { status: 401, meldung: 'E-Mail-Adresse oder Passwort ist nicht richtig.' },
  too_many_attempts: { status: 429, meldung: 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es später erneut.' },
  totp_required: { status: 401, meldung: 'Bitte geben Sie den Sicherheitscode aus Ihrer Authenticator-App ein.' },
  totp_invalid: { meldung: 'Der Sicherheitscode ist nicht richtig oder abgelaufen.' },
  totp_setup_required: { status: 403, meldung: 'Ihr Jobcenter verlangt einen zweiten Faktor. Bitte melden Sie sich einmal im Browser an und richten Sie ihn ein.' },
  totp_setup_expired: { status: 400, meldung: 'Die Einrichtung ist abgelaufen. Bitte scannen Sie den neuen QR-Code und geben Sie einen neuen Code ein.' },
  totp_required_by_traeger: { status: 409, meldung: 'Ihr Jobcenter verlangt für alle Mitarbeitenden einen zweiten Faktor. Er kann deshalb nicht abgeschaltet werden.' },
  email_not_verified: { status: 403, meldung: 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben.' },
  account_inactive: { meldung: 'Dieses Konto ist deaktiviert.' },
  email_taken: { status: 409, meldung: 'Diese E-Mail-Adresse wird bereits verwendet.' },
  token_invalid: { status: 400, meldung: 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.' },
  oidc_failed: { status: 400, meldung: 'Die Anmeldung über den Anmeldedienst ist fehlgeschlagen.' },
  oidc_unavailable: { status: 502, meldung: 'Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder melden Sie sich mit E-Mail und Passwort an.' },
  oidc_no_account: { status: 403, meldung: 'Zu dieser Anmeldung gibt es kein Konto.' },
  own_account: { status: 409, meldung: 'Das eigene Konto können Sie so nicht ändern.' },
  read_only: { status: 409, meldung: 'Konten von Bürgerinnen und Bürgern werden von ihnen selbst gepflegt. Hier können Sie sie nur deaktivieren oder wieder aktivieren.' },

  // administration
  kommune_in_use: { status: 409, meldung: 'In dieser Kommune gibt es noch aktive Standorte. Bitte deaktivieren Sie zuerst die Standorte oder ordnen Sie sie einer anderen Kommune zu.' },
  kommune_inactive: { status: 409, meldung: 'Die Kommune dieses Standorts ist deaktiviert. Bitte aktivieren Sie zuerst die Kommune oder ordnen Sie den Standort einer aktiven Kommune zu.' },

  // Fallakte and Antrag
  fall_geschlossen: { status: 409, meldung: 'Diese Bedarfsgemeinschaft ist bereits geschlossen.' },
  bewilligung_laeuft: { status: 409, meldung: 'Eine Bewilligung läuft über diesen Tag hinaus. Bitte heben Sie sie zuerst auf.' },
  person_in_anderer_bg: { status: 409, meldung: 'Die Person gehört in diesem Zeitraum schon zu einer anderen Bedarfsgemeinschaft.' },
  nichts_zu_beenden: { status: 409, meldung: 'Die Person gehört an diesem Tag nicht zu dieser Bedarfsgemeinschaft.' },
  rolle_vergeben: { status: 409, meldung: 'Diese Rolle ist in der Bedarfsgemeinschaft an diesem Tag schon vergeben.' },
  schon_uebernommen: { status: 409, meldung: 'Dieser Antrag gehört schon zu einer Fallakte.' },
  antragsdaten_unvollstaendig: { status: 409, meldung: 'Die Angaben dieses Antrags reichen nicht für eine Fallakte. Bitte erfassen Sie den Antrag als Erstantrag.' },
  kein_erstantrag: { status: 409, meldung: 'Nur ein Erstantrag ohne Fallakte kann einer Fallakte zugeordnet werden.' },
  keine_online_einreichung: { status: 409, meldung: 'Zu diesem Antrag gibt es keine Online-Einreichung. Papieranträge liegen bei den Dokumenten der Fallakte.' },
  keine_portal_mitteilung: { status: 409, meldung: 'Zu diesem Antrag gibt es keine Angaben aus dem Bürgerportal, die sich übernehmen lassen.' },
  schon_angewendet: { status: 409, meldung: 'Diese Veränderungsmitteilung wurde schon übernommen.' },
  schon_erledigt: { status: 409, meldung: 'Diese Wiedervorlage ist schon erledigt.' },
  wiedervorlage_eigener_abschluss: { status: 409, meldung: 'Diese Wiedervorlage gehört zur Integrationsarbeit und wird dort erledigt, sobald das Ergebnis erfasst ist.' },
  keine_adresse: { status: 400, meldung: 'Für diesen Monat ist keine Anschrift der Bedarfsgemeinschaft eingetragen.' },
  kein_antragsteller: { status: 400, meldung: 'Zu diesem Zeitpunkt ist keine antragstellende Person eingetragen.' },
  mehrere_antragsteller: { status: 400, meldung: 'Es sind mehrere antragstellende Personen eingetragen.' },
  mehrere_partner: { status: 400, meldung: 'Es sind mehrere Partnerinnen oder Partner eingetragen.' },
  keine_personen: { status: 400, meldung: 'Zu diesem Zeitpunkt gehört niemand zur Bedarfsgemeinschaft.' },

  // Berechnung (codes of the benefit engine, src/domain/berechnung/fehler.ts)
  berechnung_ungueltig: { status: 400, meldung: 'Die Berechnung ist mit diesen Angaben nicht möglich.' },
  schema_ungueltig: { status: 400, meldung: 'Die Eingabe der Berechnung ist unvollständig oder hat ein ungültiges Format.' },
  negativer_betrag: { status: 400, meldung: 'Ein Betrag darf nicht negativ sein.' },
  zeitraum_ungueltig: { status: 400, meldung: 'Der Zeitraum ist ungültig.' },
  zeitraum_ausserhalb_rechtsstand: { status: 400, meldung: 'Für diesen Zeitraum ist das Recht in vorort nicht hinterlegt.' },
  geburtsdatum_nach_zeitraum: { status: 400, meldung: 'Das Geburtsdatum liegt nach dem Berechnungszeitraum.' },
  kind_aelter_als_elternteil: { status: 400, meldung: 'Ein Kind ist älter als sein Elternteil.' },
  kind_25_oder_aelter: { status: 400, meldung: 'Ein Kind ist 25 Jahre oder älter und gehört nicht mehr zur Bedarfsgemeinschaft der Eltern.' },
  keine_person_in_bg: { status: 400, meldung: 'Zur Bedarfsgemeinschaft gehört niemand.' },
  keine_erwerbsfaehige_person: { status: 400, meldung: 'In der Bedarfsgemeinschaft ist keine erwerbsfähige leistungsberechtigte Person.' },
  erwerbsfaehig_unter_15: { status: 400, meldung: 'Eine Person unter 15 Jahren kann nicht erwerbsfähig sein.' },
  antragsteller_fehlt: { status: 400, meldung: 'Es ist keine antragstellende Person angegeben.' },
  antragsteller_mehrfach: { status: 400, meldung: 'Es sind mehrere antragstellende Personen angegeben.' },
  partner_mehrfach: { status: 400, meldung: 'Es sind mehrere Partnerinnen oder Partner angegeben.' },
  id_doppelt: { status: 400, meldung: 'Eine Kennung kommt mehrfach vor.' },
  unbekannte_person: { status: 400, meldung: 'Eine Angabe bezieht sich auf eine unbekannte Person.' },
  kindergeldberechtigter_ungueltig: { status: 400, meldung: 'Die kindergeldberechtigte Person ist ungültig.' },
  leistungsbeginn_nach_zeitraum: { status: 400, meldung: 'Der Leistungsbeginn liegt nach dem Berechnungszeitraum.' },
  bewilligungszeitraum_ungueltig: { status: 400, meldung: 'Der Bewilligungszeitraum ist ungültig.' },
  alleinerziehend_ohne_kind: { status: 400, meldung: 'Alleinerziehend ist nur, wer mit einem minderjährigen Kind zusammenlebt.' },
  mehrbedarf_behinderung_unter_15: { status: 400, meldung: 'Der Mehrbedarf wegen Behinderung setzt ein Alter von mindestens 15 Jahren voraus.' },
  netto_groesser_brutto: { status: 400, meldung: 'Das Nettoeinkommen ist größer als das Bruttoeinkommen.' },
  minderung_unzulaessig: { status: 400, meldung: 'Diese Minderung ist nicht zulässig.' },
  nicht_erreichbar_unzulaessig: { status: 400, meldung: 'Der Wegfall wegen Nichterreichbarkeit (§ 7b Abs. 4 SGB II) ist hier nicht zulässig.' },
  selbststaendigkeit_ungueltig: { status: 400, meldung: 'Die Angaben zur Selbständigkeit sind unvollständig oder widersprüchlich (Gewinn und Gewinn nach Steuern gehören zusammen).' },
  ferienjob_unzulaessig: { status: 400, meldung: 'Ein Ferienjob ist nur bei Schülerinnen und Schülern unter 25 Jahren anrechnungsfrei.' },
  zufluss_nach_zeitraum: { status: 400, meldung: 'Die einmalige Einnahme fließt erst nach dem berechneten Zeitraum zu.' },
  sgb12_unzulaessig: { status: 400, meldung: 'Die Angabe „Leistungen nach dem SGB XII oder Altersrente“ ist hier nicht zulässig.' },
  frueherer_bezug_ungueltig: { status: 400, meldung: 'Ein früherer Bezugszeitraum ist ungültig.' },
  kind_ausserhalb_bg_ungedeckt: { status: 400, meldung: 'Ein Kind außerhalb der Bedarfsgemeinschaft muss seinen Bedarf aus eigenem Einkommen decken können.' },

  // Bewilligung, Aufhebung, Bescheid
  beginn_fehlt: { status: 400, meldung: 'Bitte geben Sie den Beginn des Bewilligungszeitraums an oder wählen Sie einen Antrag.' },
  bewilligungszeitraum_ueberschneidung: { status: 409, meldung: 'Für diesen Zeitraum ist bereits eine Bewilligung erteilt. Bewilligungszeiträume dürfen sich nicht überschneiden; ändern Sie die bestehende Bewilligung.' },
  vier_augen_selbe_person: { status: 403, meldung: 'Nach dem Vier-Augen-Prinzip muss eine andere Person die Bewilligung freigeben.' },
  vorgaenger_nicht_bewilligt: { status: 409, meldung: 'Die geänderte Bewilligung ist nicht mehr in Kraft.' },
  nicht_vorlaeufig: { status: 409, meldung: 'Eine abschließende Feststellung gibt es nur für eine vorläufige Bewilligung.' },
  keine_aenderung: { status: 409, meldung: 'Die Neuberechnung ergibt dieselben Beträge; ein Änderungsbescheid ist nicht nötig.' },
  keine_bewilligung: { status: 409, meldung: 'Diese Bewilligung ist noch nicht entschieden. Ein Bescheid kann erst nach der Freigabe erstellt werden.' },
  keine_monate: { status: 400, meldung: 'Der Bewilligungszeitraum enthält keinen Monat.' },
  monate_nicht_lueckenlos: { status: 400, meldung: 'Die Monate müssen lückenlos aufeinander folgen.' },
  monat_fehlt: { status: 400, meldung: 'Für einen vorläufig bewilligten Monat fehlen die tatsächlichen Angaben.' },
  kein_anspruch_im_monat: { status: 400, meldung: 'In diesem Monat besteht an keinem Tag ein Anspruch.' },
  grund_ungueltig: { status: 400, meldung: 'Bitte wählen Sie einen Grund aus der Liste.' },
  grund_zu_lang: { meldung: 'Der Grund ist zu lang.' },
  norm_fehlt: { status: 400, meldung: 'Bitte geben Sie die Rechtsgrundlage an (zum Beispiel „§ 7 Abs. 4 SGB II“).' },
  norm_ungueltig: { status: 400, meldung: 'Die Rechtsgrundlage muss eine Vorschrift nennen (mit § oder Art.).' },
  betrag_ungueltig: { status: 400, meldung: 'Bitte geben Sie einen Betrag über 0 € an.' },
  betrag_zu_hoch: { status: 400, meldung: 'Der Betrag übersteigt die offene Forderung.' },
  forderung_erledigt: { status: 409, meldung: 'Diese Erstattungsforderung ist bereits erledigt.' },
  bereits_niedergeschlagen: { status: 409, meldung: 'Diese Erstattungsforderung ist bereits niedergeschlagen.' },
  // the reasons a decided Aufhebung is refused (src/domain/bewilligung/aufhebung.ts, pruefeAufhebungsRecht)
  datum_ungueltig: { meldung: 'Das Datum ist ungültig.' },
  person_ausscheiden: { status: 409, meldung: 'Scheidet nur eine Person aus, wird die Bewilligung geändert, nicht aufgehoben.' },
  nicht_ganze_bg: { status: 409, meldung: 'Dieser Tatbestand gilt nur für die ganze Bedarfsgemeinschaft.' },
  erstattung_tod: { status: 409, meldung: 'Nach dem Tod einer Person wird keine Erstattung von ihr verlangt.' },
  tatbestand_ungueltig: { status: 409, meldung: 'Bitte wählen Sie einen Tatbestand aus der Liste.' },
  tatbestand_fehlt: { status: 409, meldung: 'Bitte wählen Sie den Tatbestand der Aufhebung.' },
  ausnahme_ungueltig: { status: 409, meldung: 'Bitte wählen Sie eine Ausnahme von der Anhörung aus der Liste.' },
  ausnahme_unpassend: { status: 409, meldung: 'Diese Ausnahme von der Anhörung passt nicht zu dieser Aufhebung.' },
  ausnahme_grund_fehlt: { status: 409, meldung: 'Bitte begründen Sie, warum von der Anhörung abgesehen wird.' },
  anhoerung_fehlt: { status: 409, meldung: 'Vor der Aufhebung ist die Person anzuhören (§ 24 SGB X).' },
  berechnung_fehlt: { status: 409, meldung: 'Für diesen Bescheid liegt keine berechnete Bewilligung vor.' },
  erklaerung_fehlt: { status: 409, meldung: 'Für einen Monat fehlt die Erklärung der Berechnung.' },
  aenderung_fehlt: { status: 409, meldung: 'Ein Änderungsbescheid braucht die Änderungen.' },
  aufhebung_fehlt: { status: 409, meldung: 'Ein Aufhebungsbescheid braucht Grund und Zeitpunkt.' },
  kein_ablehnungsgrund: { status: 409, meldung: 'Die Berechnung ergibt in jedem Monat einen Anspruch; eine Ablehnung ist nicht begründet.' },

  // Zahlung, Aufrechnung, Erstattung
  forderung_nicht_offen: { status: 409, meldung: 'Die Erstattungsforderung ist nicht mehr offen.' },
  aufrechnung_status: { status: 409, meldung: 'In diesem Zustand der Aufrechnung ist das nicht möglich.' },
  aufrechnung_hoechstgrenze: { status: 409, meldung: 'Mit den laufenden Aufrechnungen würde die zulässige Höchstgrenze überschritten (§ 43 Abs. 2 S. 2 SGB II).' },
  aufrechnung_laeuft: { status: 409, meldung: 'Gegen diese Person läuft mit dieser Forderung bereits eine Aufrechnung.' },
  aufrechnung_minderung: { status: 409, meldung: 'Neben einer Minderung, die die Höchstgrenze der Aufrechnung erreicht, ist keine Aufrechnung zulässig (§ 43 Abs. 3 S. 1 SGB II).' },
  nichts_offen: { status: 409, meldung: 'Die Forderung ist vollständig beglichen; es gibt nichts aufzurechnen.' },
  keine_laufende_leistung: { status: 409, meldung: 'Für diesen Monat ist dieser Person keine Leistung bewilligt, gegen die aufgerechnet werden könnte.' },
  anteil_getilgt: { status: 409, meldung: 'Der Anteil dieser Person an der Forderung ist bereits getilgt; gegen ihre Leistung kann nicht weiter aufgerechnet werden.' },
  traeger_konto_fehlt: { status: 409, meldung: 'Für den Zahllauf fehlt das Konto des Trägers (IBAN und Kontoinhaber), von dem überwiesen wird.' },
  aufrechnung_konflikt: { status: 409, meldung: 'Eine Erstattungsforderung wurde während des Zahllaufs geändert. Bitte starten Sie den Zahllauf für den Monat erneut; bereits gebuchte Zahlungen werden nicht wiederholt.' },
  massenaenderung_laeuft: { status: 409, meldung: 'Es läuft bereits eine Massenänderung. Bitte warten Sie, bis sie fertig ist, oder brechen Sie sie ab.' },

  // Fördern: Eingliederungsbudget und Förderleistungen (docs/foerdern.md)
  budget_ueberschritten: { status: 409, meldung: 'Das freie Budget des Haushaltsjahres reicht dafür nicht aus.' },
  rechnung_ueber_bindung: { status: 400, meldung: 'Der Rechnungsbetrag ist höher als die noch gebundenen Mittel dieser Teilnahme.' },
  keine_mittelbindung: { status: 409, meldung: 'Für diese Teilnahme sind keine Mittel gebunden.' },
  foerderleistung_beendet: { status: 409, meldung: 'Diese Förderleistung ist bereits beendet.' },
  budget_ohne_soll: { status: 409, meldung: 'Für dieses Haushaltsjahr und diesen Titel ist noch kein Budget (Soll) eingetragen.' },

  // Fördern: Maßnahmen und Teilnahmen (slice C, docs/foerdern.md)
  austritt_vor_eintritt: { status: 400, meldung: 'Der Austritt kann nicht vor dem Eintritt liegen.' },
  hoechstdauer_ueberschritten: { status: 400, meldung: 'Die Teilnahme überschreitet die gesetzliche Höchstdauer dieses Instruments.' },
  massnahme_inaktiv: { status: 409, meldung: 'Diese Maßnahme ist nicht mehr im Programm.' },

  // Fördern: Kooperationsplan, Schlichtung, Verwaltungsakt (slice B2, docs/foerdern.md)
  eingliederungsvereinbarung_nur_lesbar: { status: 409, meldung: 'Vor dem 1. Juli 2023 galt die Eingliederungsvereinbarung. Sie kann nur noch gelesen, aber nicht mehr neu angelegt werden.' },
  schlichtung_nicht_mehr_moeglich: { status: 409, meldung: 'Ein Schlichtungsverfahren (§ 15a SGB II a.F.) ist zu diesem Datum nicht möglich; es ist seit dem 1. Juli 2026 abgeschafft.' },
  verwaltungsakt_noch_nicht_moeglich: { status: 409, meldung: 'Eine Verpflichtung durch Verwaltungsakt ist erst ab dem 1. Juli 2026 möglich.' },
  schlichtung_laeuft: { status: 409, meldung: 'Zu diesem Kooperationsplan läuft bereits ein Schlichtungsverfahren.' },

  // Fordern: Minderungsverfahren (docs/fordern.md)
  belehrung_fehlt: { status: 409, meldung: 'Ohne schriftliche Rechtsfolgenbelehrung, die die Person erhalten hat, oder ihre nachgewiesene Kenntnis der Rechtsfolgen ist keine Minderung möglich (§ 31 Abs. 1, § 32 SGB II).' },
  zugang_fehlt: { status: 409, meldung: 'Der Zugang der Einladung mit der Rechtsfolgenbelehrung ist nicht nachgewiesen. Bitte erfassen Sie zuerst, wie und wann sie die Person erreicht hat.' },
  feststellungsfrist_abgelaufen: { status: 409, meldung: 'Die Frist für die Feststellung der Minderung nach der Pflichtverletzung (§ 31b Abs. 1 S. 5 SGB II) ist abgelaufen; eine Minderung ist nicht mehr möglich.' },
  verfahren_besteht: { status: 409, meldung: 'Zu diesem Anlass gibt es bereits ein Minderungsverfahren.' },
  minderung_nicht_in_bg: { status: 409, meldung: 'Die Person gehört an diesem Tag nicht als erwerbsfähige leistungsberechtigte Person zur Bedarfsgemeinschaft; eine Minderung ist nicht möglich.' },
  minderung_tatbestand_unzulaessig: { status: 409, meldung: 'Dieser Tatbestand führt zu diesem Datum nach dem geltenden Recht nicht zu einer Minderung.' },
  minderung_gesperrt: { status: 409, meldung: 'Während eines Schlichtungsverfahrens zum Kooperationsplan darf keine Minderung festgestellt werden (§ 15a SGB II a.F.).' },
  verfahren_status: { status: 409, meldung: 'In diesem Stand des Minderungsverfahrens ist das nicht möglich.' },
  nicht_entscheidungsberechtigt: { status: 403, meldung: 'Über Minderungen entscheidet bei Ihrem Träger eine andere Stelle.' },
  anhoerung_offen: { status: 409, meldung: 'Die Frist zur Anhörung läuft noch und die Person hat noch nicht geantwortet. Bitte warten Sie die Frist ab.' },
  persoenliche_anhoerung_noetig: { status: 409, meldung: 'Bei wiederholten Pflichtverletzungen und vor dem vollständigen Wegfall der Leistung soll die Anhörung persönlich erfolgen (§ 31a Abs. 2 SGB II). Bitte erfassen Sie die persönliche Anhörung.' },
  vorzeitiges_ende_unzulaessig: { status: 409, meldung: 'Die Minderung kann frühestens nach einem vollen Monat enden (§ 31b Abs. 2 SGB II).' },
  entscheidung_veraltet: { status: 409, meldung: 'Die Grundlage der Entscheidung hat sich geändert (zum Beispiel wurde ein früheres Meldeversäumnis entschuldigt oder eine frühere Minderung aufgehoben). Die Minderung kann so nicht freigegeben werden; das Verfahren ist wieder zur Entscheidung offen.' },
  eigene_entscheidung_freigeben: { status: 409, meldung: 'Eine Minderung mit Vier-Augen-Pflicht muss eine andere Person freigeben als die, die sie entschieden hat.' },
  kdu_empfaenger_ueberschneidung: { status: 409, meldung: 'Für diese Monate ist bereits ein anderer Empfänger der Kosten der Unterkunft eingetragen.' },

  // Statistik und Steuerung (docs/statistik.md)
  statistik_monat_zukunft: { status: 400, meldung: 'Für diesen Monat gibt es noch keine Statistik: Der Stichtag liegt in der Zukunft.' },
  statistik_monat_vor_daten: { status: 400, meldung: 'Für diesen Monat gibt es keine Statistik: Er liegt vor den ersten Daten des Trägers.' },
  statistik_kein_snapshot: { status: 404, meldung: 'Für diesen Monat ist die Statistik noch nicht erstellt. Sie wird nachts erstellt; Sie können sie unter „Stand der Daten“ auch jetzt erstellen lassen.' },
  statistik_endgueltig: { status: 409, meldung: 'Die Statistik dieses Monats ist endgültig (drei Monate Wartezeit sind vorbei) und wird nicht mehr neu erstellt.' },
  statistik_ebene_verboten: { status: 403, meldung: 'Diese Auswertung steht Ihnen nur für Ihre Standorte zur Verfügung.' },
  import_datei_ungueltig: { status: 400, meldung: 'Die Datei konnte nicht gelesen werden. Bitte laden Sie eine CSV-Datei (UTF-8 oder Windows-1252) oder eine XLSX-Datei hoch.' },
  import_zeilen_abgelehnt: { status: 400, meldung: 'Die Datei enthält fehlerhafte Zeilen. Es wurde nichts übernommen; die Liste zeigt jede abgelehnte Zeile mit dem Grund.' },
  import_spalten_unbekannt: { status: 400, meldung: 'Die Spalten der Datei passen nicht zur Spaltenzuordnung. Bitte prüfen Sie die Zuordnung.' },
  bezugsgroesse_besteht: { status: 409, meldung: 'Für diese Region und diesen Berichtsmonat ist bereits eine Bezugsgröße eingetragen.' },

  // Bürgerportal
  entwurf_abgeschlossen: { status: 409, meldung: 'Dieser Antrag wurde bereits abgeschickt.' },
  antrag_unvollstaendig: { status: 400, meldung: 'Der Antrag ist noch nicht vollständig.' },
  kein_fall: { status: 409, meldung: 'Für Ihr Konto ist noch keine Fallakte angelegt. Bitte stellen Sie zuerst einen Antrag oder wenden Sie sich an Ihr Jobcenter.' },
  kein_portalkonto: { status: 409, meldung: 'Zu dieser Fallakte gibt es kein Konto im Bürgerportal.' },
  liste_voll: { status: 400, meldung: 'Es sind keine weiteren Einträge möglich.' },
  datei_nicht_freigegeben: { status: 409, meldung: 'Die Datei ist nicht freigegeben.' },

  // Termine (the rules' own codes come from src/domain/termine, below)
  gleiche_zeit: { status: 422, meldung: 'Ihr Termin liegt bereits zu dieser Zeit. Bitte wählen Sie eine andere Zeit.' },
  link_ungueltig: { status: 404, meldung: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.' },
  link_verbraucht: { status: 410, meldung: 'Dieser Link wurde bereits verwendet.' },
  link_abgelaufen: { status: 410, meldung: 'Dieser Link gilt nicht mehr.' },
  eintrag_erledigt: { status: 409, meldung: 'Dieser Eintrag ist erledigt: Sie haben über die Warteliste einen Termin bekommen.' },
} as const satisfies Record<string, Eintrag>;

/** Messages of a domain table (code → text) as entries of the list; `praefix` for status codes (`raum_…`). */
function ausDomaene<T extends Record<string, string>, P extends string = ''>(t: T, praefix?: P, ohne: readonly string[] = []) {
  return Object.fromEntries(
    Object.entries(t)
      .filter(([code]) => !ohne.includes(code))
      .map(([code, meldung]) => [`${praefix ?? ''}${code}`, { meldung }]),
  ) as { readonly [K in keyof T & string as `${P}${K}`]: { readonly meldung: string } };
}

const AUS_DOMAENE = {
  ...TERMIN_FEHLER,
  ...ausDomaene(WARTELISTE_FEHLER),
  ...ausDomaene(REGEL_FEHLER),
  ...ausDomaene(CHECKIN_FEHLER),
  ...ausDomaene(ERGEBNIS_FEHLER),
  ...ausDomaene(DOKUMENT_MELDUNGEN as Readonly<Record<DokumentFehlerCode, string>>),
  ...(ausDomaene(RAUM_MELDUNG as Readonly<Record<Exclude<RaumStatus, 'offen'>, string>>, 'raum_')),
  ...(ausDomaene(CHECKIN_MELDUNG as Readonly<Record<Exclude<CheckinStatus, 'moeglich'>, string>>, 'checkin_', ['moeglich'])),
};

/** A code must be listed once: in EIGENE or in a domain table, never in both. */
type Doppelt = keyof typeof EIGENE & keyof typeof AUS_DOMAENE;
const keineDoppelten: [Doppelt] extends [never] ? true : Doppelt = true;
void keineDoppelten;

/** Every error code a machine may see, with its German message and (where always the same) its HTTP status. */
export const FEHLERCODES: { readonly [K in ErrorCode]: Eintrag } = { ...EIGENE, ...AUS_DOMAENE };

export type ErrorCode = keyof typeof EIGENE | keyof typeof AUS_DOMAENE;

/** The German message of a code (the general text of the list). */
export const meldungZu = (code: ErrorCode): string => FEHLERCODES[code].meldung;

export const istErrorCode = (code: string): code is ErrorCode => Object.hasOwn(FEHLERCODES, code);

/**
 * One refused field: `code` is open on purpose — zod's issue codes (`too_small`, `invalid_type`, …) and the rules'
 * per-field codes; clients show `message` at `path`. The request-level code is the closed `ErrorCode`.
 */
export type FieldIssue = { path: string; code: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * An error of the list with its general message and fixed status; `meldung`/`status` only where the case needs a
 * more specific text (with a date, an amount) or the code has no fixed status.
 */
export function fehler(
  code: ErrorCode,
  opts: { meldung?: string; status?: number; issues?: FieldIssue[]; extra?: Record<string, unknown> } = {},
): AppError {
  const eintrag = FEHLERCODES[code];
  const status = opts.status ?? eintrag.status;
  if (status === undefined) throw new TypeError(`Fehlercode ${code} hat keinen festen Status; bitte angeben.`);
  return new AppError(code, status, opts.meldung ?? eintrag.meldung, opts.issues ?? [], opts.extra ?? {});
}

export const notFound = (what = 'Der Eintrag') => new AppError('not_found', 404, `${what} wurde nicht gefunden.`);
export const forbidden = () =>
  new AppError('forbidden', 403, 'Dafür fehlt Ihnen die Berechtigung.');
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Bitte melden Sie sich an.');
export const validationFailed = (issues: FieldIssue[]) =>
  new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', issues);
export const versionConflict = () =>
  new AppError(
    'version_conflict',
    409,
    'Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie die Änderungen.',
  );

/** Codes of data errors PostgreSQL refused (logged as a warning with type and constraint, never the message). */
export const DATENFEHLER_CODES = { invalid_value: 1, missing_value: 1, unknown_reference: 1, still_referenced: 1, constraint_violated: 1, already_exists: 1 } as const;

/** The PostgreSQL error (a `code` of five characters) somewhere in the cause chain of a thrown error. */
function postgresFehler(error: unknown): { code: string; message: string } | null {
  let e: unknown = error;
  for (let tiefe = 0; e && tiefe < 5; tiefe++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in (e as object)) return { code, message: String((e as { message?: unknown }).message ?? '') };
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Last line of the boundary (issue 11): what the schemas let through but PostgreSQL refuses as data (SQLSTATE class
 * 22 "data exception", class 23 "integrity constraint violation", 54000 "program limit", e.g. an index row too long)
 * becomes a 400/409 with a stable code — the request was wrong, not the server. Nothing was saved: the transaction
 * rolled back with the error.
 */
export function alsDatenfehler(error: unknown): AppError | null {
  const pg = postgresFehler(error);
  if (!pg) return null;
  const { code } = pg;
  if (code.startsWith('22') || code === '54000') {
    return new AppError('invalid_value', 400, 'Eine Angabe hat ein ungültiges Format oder liegt außerhalb des erlaubten Bereichs. Bitte prüfen Sie Ihre Eingaben.');
  }
  if (code === '23502') return new AppError('missing_value', 400, 'Eine erforderliche Angabe fehlt. Bitte prüfen Sie Ihre Eingaben.');
  if (code === '23503') {
    // "update or delete on table … is still referenced" vs. "insert or update … violates foreign key constraint"
    return pg.message.startsWith('update or delete')
      ? new AppError('still_referenced', 409, 'Der Eintrag wird noch verwendet und kann nicht entfernt werden.')
      : new AppError('unknown_reference', 400, 'Ein angegebener Bezug (z. B. Fallakte, Person oder Standort) existiert nicht.');
  }
  if (code === '23505') return new AppError('already_exists', 409, 'Einen solchen Eintrag gibt es bereits.');
  if (code === '23514') return new AppError('constraint_violated', 400, 'Die Angaben passen nicht zusammen. Bitte prüfen Sie Ihre Eingaben.');
  if (code.startsWith('23')) return new AppError('conflict', 409, 'Die Änderung steht im Widerspruch zu vorhandenen Daten.');
  return null;
}
