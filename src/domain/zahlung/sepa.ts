/**
 * SEPA credit transfer initiation, ISO 20022 pain.001.001.09 (as accepted by German banks under the DK
 * "Datenformate" Anlage 3, version 3.x). A small builder instead of the `sepa` package: the output must be
 * byte-for-byte reproducible (no local time, no floating-point sums), amounts are integer cents, and elements
 * follow the schema order.
 *
 * One PmtInf (the Träger's account as debtor, one execution date), one CdtTrfTxInf per payment;
 * NbOfTxs and CtrlSum in GrpHdr and PmtInf equal the number and the exact sum of the payments.
 */
import { euroText } from '../berechnung/geld.ts';
import { istGueltigeBic, pruefeIban } from './iban.ts';
import type { Zahlung } from './plan.ts';

export const PAIN_FORMAT = 'pain.001.001.09';
const NS = `urn:iso:std:iso:20022:tech:xsd:${PAIN_FORMAT}`;

export type Auftraggeber = { name: string; iban: string; bic?: string | null };

export type SepaDatei = {
  /** message id, unique per file (≤ 35 characters), e.g. `ZL-2024-05-1` */
  nachrichtId: string;
  /** creation time as local ISO date-time without zone, e.g. '2024-05-27T09:00:00' (passed in, no clock) */
  erstelltAm: string;
  /** requested execution date 'YYYY-MM-DD' */
  ausfuehrungsdatum: string;
  auftraggeber: Auftraggeber;
  zahlungen: readonly Pick<Zahlung, 'endToEndId' | 'betragCent' | 'empfaenger' | 'verwendungszweck'>[];
};

export class SepaFehler extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SepaFehler';
    this.code = code;
  }
}

/** Characters German banks accept in SEPA text fields (DK Anlage 3: Latin basic + Umlaute, ß, &*$%). */
const ERLAUBT = /[^A-Za-z0-9 /?:().,'+\-ÄÖÜäöüß&*$%]/g;

/** Text for a SEPA field: accents removed, other characters replaced by a space, length limited. */
export function sepaText(text: string, max: number): string {
  const ohneAkzente = Array.from(text.normalize('NFC'), (c) =>
    /[ÄÖÜäöüß]/.test(c) ? c : c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
  ).join('');
  const bereinigt = ohneAkzente.replace(ERLAUBT, ' ').replace(/\s+/g, ' ').trim();
  return bereinigt.length > max ? bereinigt.slice(0, max).trimEnd() : bereinigt;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** 12345 → "123.45" */
export function betragXml(c: number): string {
  const ganz = Math.floor(c / 100);
  const rest = c % 100;
  return `${ganz}.${rest < 10 ? '0' : ''}${rest}`;
}

const ID = /^[A-Za-z0-9+?/:().,' -]{1,35}$/;

/** Builds the pain.001.001.09 XML. Throws SepaFehler for invalid accounts, amounts or ids. */
export function erzeugePain001(d: SepaDatei): string {
  if (!ID.test(d.nachrichtId)) throw new SepaFehler('nachricht_id_ungueltig', 'Die Nachrichten-ID muss 1–35 zulässige Zeichen haben.');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(d.erstelltAm)) throw new SepaFehler('zeitpunkt_ungueltig', 'erstelltAm muss JJJJ-MM-TTThh:mm:ss sein.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.ausfuehrungsdatum)) throw new SepaFehler('datum_ungueltig', 'Das Ausführungsdatum muss JJJJ-MM-TT sein.');
  if (d.zahlungen.length === 0) throw new SepaFehler('keine_zahlungen', 'Eine SEPA-Datei braucht mindestens eine Zahlung.');
  const dbtrIban = pruefeIban(d.auftraggeber.iban);
  if (!dbtrIban.gueltig) throw new SepaFehler(dbtrIban.code, `Konto des Trägers: ${dbtrIban.message}`);
  const dbtrBic = d.auftraggeber.bic ? d.auftraggeber.bic.replace(/\s+/g, '').toUpperCase() : '';
  if (!istGueltigeBic(dbtrBic)) throw new SepaFehler('bic_ungueltig', 'Die BIC des Trägers ist ungültig.');

  let summe = 0;
  const tx: string[] = [];
  const ids = new Set<string>();
  for (const [i, z] of d.zahlungen.entries()) {
    if (!Number.isInteger(z.betragCent) || z.betragCent <= 0 || z.betragCent > 99_999_999_999) {
      throw new SepaFehler('betrag_ungueltig', `Zahlung ${i + 1}: Betrag ${z.betragCent} Cent ist nicht überweisbar.`);
    }
    if (!ID.test(z.endToEndId)) throw new SepaFehler('end_to_end_id_ungueltig', `Zahlung ${i + 1}: EndToEndId ungültig.`);
    if (ids.has(z.endToEndId)) throw new SepaFehler('end_to_end_id_doppelt', `Zahlung ${i + 1}: EndToEndId doppelt (${z.endToEndId}).`);
    ids.add(z.endToEndId);
    const iban = pruefeIban(z.empfaenger.iban);
    if (!iban.gueltig) throw new SepaFehler(iban.code, `Zahlung ${i + 1}: ${iban.message}`);
    const bic = z.empfaenger.bic ? z.empfaenger.bic.replace(/\s+/g, '').toUpperCase() : '';
    if (!istGueltigeBic(bic)) throw new SepaFehler('bic_ungueltig', `Zahlung ${i + 1}: Die BIC ist ungültig.`);
    const name = sepaText(z.empfaenger.name, 70);
    if (name.length === 0) throw new SepaFehler('name_fehlt', `Zahlung ${i + 1}: Der Name des Empfängers fehlt.`);
    summe += z.betragCent;
    tx.push(
      '<CdtTrfTxInf>' +
        `<PmtId><EndToEndId>${xml(z.endToEndId)}</EndToEndId></PmtId>` +
        `<Amt><InstdAmt Ccy="EUR">${betragXml(z.betragCent)}</InstdAmt></Amt>` +
        (bic ? `<CdtrAgt><FinInstnId><BICFI>${bic}</BICFI></FinInstnId></CdtrAgt>` : '') +
        `<Cdtr><Nm>${xml(name)}</Nm></Cdtr>` +
        `<CdtrAcct><Id><IBAN>${iban.iban}</IBAN></Id></CdtrAcct>` +
        `<RmtInf><Ustrd>${xml(sepaText(z.verwendungszweck, 140))}</Ustrd></RmtInf>` +
        '</CdtTrfTxInf>',
    );
  }
  const anzahl = String(d.zahlungen.length);
  const ctrl = betragXml(summe);
  const auftraggeberName = sepaText(d.auftraggeber.name, 70);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Document xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NS} ${PAIN_FORMAT}.xsd">` +
    '<CstmrCdtTrfInitn>' +
    `<GrpHdr><MsgId>${xml(d.nachrichtId)}</MsgId><CreDtTm>${d.erstelltAm}</CreDtTm><NbOfTxs>${anzahl}</NbOfTxs><CtrlSum>${ctrl}</CtrlSum>` +
    `<InitgPty><Nm>${xml(auftraggeberName)}</Nm></InitgPty></GrpHdr>` +
    '<PmtInf>' +
    `<PmtInfId>${xml(d.nachrichtId.slice(0, 32))}-01</PmtInfId><PmtMtd>TRF</PmtMtd><BtchBookg>true</BtchBookg>` +
    `<NbOfTxs>${anzahl}</NbOfTxs><CtrlSum>${ctrl}</CtrlSum>` +
    '<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>' +
    `<ReqdExctnDt><Dt>${d.ausfuehrungsdatum}</Dt></ReqdExctnDt>` +
    `<Dbtr><Nm>${xml(auftraggeberName)}</Nm></Dbtr>` +
    `<DbtrAcct><Id><IBAN>${dbtrIban.iban}</IBAN></Id></DbtrAcct>` +
    (dbtrBic ? `<DbtrAgt><FinInstnId><BICFI>${dbtrBic}</BICFI></FinInstnId></DbtrAgt>` : '<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>') +
    '<ChrgBr>SLEV</ChrgBr>' +
    tx.join('') +
    '</PmtInf></CstmrCdtTrfInitn></Document>\n'
  );
}

/** Short German summary for the run's log / UI. */
export function sepaZusammenfassung(d: Pick<SepaDatei, 'zahlungen'>): string {
  let s = 0;
  for (const z of d.zahlungen) s += z.betragCent;
  return `${d.zahlungen.length} Überweisungen, Summe ${euroText(s)}`;
}
