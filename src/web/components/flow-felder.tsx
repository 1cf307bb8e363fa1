import { z } from 'zod';
import { feldArt, istOptional, personenAuswahl, text, type AntragDaten, type FeldArt, type FormEingabe, type Seite, type Sprache } from '../../domain/formular/index.ts';
import { LAENDER_DE, STAATENLOS } from '../../domain/formular/laender.ts';
import { Checkbox, CheckboxGroup, fieldId, SelectField, TextField } from './forms.tsx';

/**
 * Renders the fields of a flow step from its zod schema: the kind of input comes from the field builder
 * (felder.ts), labels and options from the form texts (`feld.<name>`, `option.<wert>`). Everything is plain HTML.
 */
export type FeldBeschreibung = {
  name: string;
  art: FeldArt;
  label: string;
  hinweis?: string;
  optional: boolean;
  optionen: { value: string; label: string }[];
};

function enumWerte(schema: z.ZodType): string[] {
  let s: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  }
  if (s instanceof z.ZodEnum) return s.options as string[];
  if (s instanceof z.ZodArray && s.element instanceof z.ZodEnum) return s.element.options as string[];
  return [];
}

/** Field descriptions for a page (done in the loader, so the component gets plain data). */
export function beschreibeFelder(seite: Seite, daten: Record<string, unknown>, sprache: Sprache): FeldBeschreibung[] {
  return Object.entries(seite.schema.shape).map(([name, schema]) => {
    const art = feldArt(schema as z.ZodType);
    let optionen = enumWerte(schema as z.ZodType).map((v) => ({ value: v, label: text(`option.${v}`, sprache) }));
    if (art === 'auswahl' && optionen.length === 0) {
      // a reference to a person of the application
      optionen = personenAuswahl(daten as AntragDaten).map((p) => ({ value: p.ref, label: p.ref === 'antragsteller' ? `${p.name} (${text('option.antragsteller', sprache)})` : p.name }));
    }
    if (art === 'ja_nein') optionen = [{ value: 'ja', label: text('option.ja', sprache) }, { value: 'nein', label: text('option.nein', sprache) }];
    if (art === 'land') optionen = landOptionen(sprache);
    const hinweisKey = `hinweis.${name}`;
    const hinweis = text(hinweisKey, sprache);
    return {
      name,
      art,
      label: text(`feld.${name}`, sprache),
      ...(hinweis !== hinweisKey ? { hinweis } : art === 'geld' ? { hinweis: text('hinweis.geld', sprache) } : {}),
      optional: istOptional(schema as z.ZodType),
      optionen,
    };
  });
}

const landCache = new Map<Sprache, { value: string; label: string }[]>();

/**
 * Countries for a nationality select: "Deutschland" first, the rest sorted in the page's language, "staatenlos oder
 * ungeklärt" last. German names are binding; other languages show their own name with the German one beside it.
 */
export function landOptionen(sprache: Sprache): { value: string; label: string }[] {
  const fertig = landCache.get(sprache);
  if (fertig) return fertig;
  const namen = sprache === 'de' ? null : new Intl.DisplayNames([sprache], { type: 'region', fallback: 'none' });
  const label = (code: string) => {
    const eigen = namen?.of(code);
    return eigen && eigen !== LAENDER_DE[code] ? `${eigen} (${LAENDER_DE[code]})` : LAENDER_DE[code]!;
  };
  const rest = Object.keys(LAENDER_DE)
    .filter((c) => c !== 'DE')
    .map((c) => ({ value: c, label: label(c) }))
    .toSorted((a, b) => a.label.localeCompare(b.label, sprache));
  const liste = [
    { value: '', label: text('portal.bitte_waehlen', sprache) },
    { value: 'DE', label: label('DE') },
    ...rest,
    { value: STAATENLOS, label: text('option.staatenlos', sprache) },
  ];
  landCache.set(sprache, liste);
  return liste;
}

function Radios(p: { feld: FeldBeschreibung; wert: string | undefined; fehler?: string | undefined; optionalLabel: string }) {
  const id = fieldId(p.feld.name);
  const errorId = p.fehler ? `${id}-fehler` : undefined;
  const hintId = p.feld.hinweis ? `${id}-hinweis` : undefined;
  return (
    <fieldset className={`kern-fieldset${p.fehler ? ' kern-fieldset--error' : ''}`} aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}>
      <legend className="kern-label">
        {p.feld.label}
        {p.feld.optional ? <span className="kern-label__optional"> – {p.optionalLabel}</span> : null}
      </legend>
      {p.feld.hinweis ? (
        <div className="kern-hint" id={hintId}>
          {p.feld.hinweis}
        </div>
      ) : null}
      {p.fehler ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{p.fehler}</span>
        </p>
      ) : null}
      <div className="kern-fieldset__body">
        {p.feld.optionen.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="kern-form-check" key={o.value}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={optionId}
                name={p.feld.name}
                value={o.value}
                defaultChecked={p.wert === o.value}
              />
              <label className="kern-label" htmlFor={optionId}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function FlowFeld(p: { feld: FeldBeschreibung; werte: FormEingabe; fehler?: string | undefined; optionalLabel: string }) {
  const { feld } = p;
  const roh = p.werte[feld.name];
  const wert = Array.isArray(roh) ? roh[roh.length - 1] : roh;
  switch (feld.art) {
    case 'ja_nein':
    case 'auswahl':
      return <Radios feld={feld} wert={wert} fehler={p.fehler} optionalLabel={p.optionalLabel} />;
    case 'land':
      return <SelectField name={feld.name} label={feld.label} options={feld.optionen} defaultValue={wert ?? ''} error={p.fehler} {...(feld.hinweis ? { hint: feld.hinweis } : {})} />;
    case 'mehrfach':
      return (
        <CheckboxGroup
          name={feld.name}
          legend={feld.label}
          options={feld.optionen}
          checked={Array.isArray(roh) ? roh : roh ? [roh] : []}
          error={p.fehler}
          {...(feld.hinweis ? { hint: feld.hinweis } : {})}
        />
      );
    case 'checkbox':
      return (
        <div className={p.fehler ? 'kern-form-input--error' : undefined}>
          {p.fehler ? (
            <p className="kern-error" id={`${fieldId(feld.name)}-fehler`}>
              <span className="kern-body">{p.fehler}</span>
            </p>
          ) : null}
          <Checkbox name={feld.name} label={feld.label} checked={wert !== undefined && wert !== ''} {...(feld.hinweis ? { hint: feld.hinweis } : {})} />
        </div>
      );
    default: {
      const typ = feld.art === 'datum' ? 'date' : feld.name === 'email' ? 'email' : feld.name === 'telefon' ? 'tel' : 'text';
      const inputMode = feld.art === 'geld' ? 'decimal' : feld.art === 'ganzzahl' || feld.name === 'plz' ? 'numeric' : undefined;
      const auto: Record<string, string> = {
        vorname: 'given-name',
        nachname: 'family-name',
        strasse: 'address-line1',
        plz: 'postal-code',
        ort: 'address-level2',
        telefon: 'tel',
        email: 'email',
        iban: 'off',
      };
      return (
        <TextField
          name={feld.name}
          label={feld.label}
          type={typ}
          defaultValue={wert ?? ''}
          error={p.fehler}
          {...(feld.hinweis ? { hint: feld.hinweis } : {})}
          {...(inputMode ? { inputMode } : {})}
          {...(auto[feld.name] ? { autoComplete: auto[feld.name] } : {})}
          {...(feld.optional ? { optionalLabel: p.optionalLabel } : { required: true })}
        />
      );
    }
  }
}
