import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BERECHTIGUNGEN, reichweiteDerRollen, type Berechtigung, type Permission } from './berechtigungen.ts';
import { can, sichtbareStandorte } from './policies.ts';

const ROLLEN = ['leistung', 'integration', 'teamleitung', 'controlling', 'admin', 'buerger'] as const;
const KURZ: Record<string, string> = { traeger: 'Träger', standort: 'Standort', eigener_kalender: 'eigener Platz', eigene: 'eigene', bg_oder_vollmacht: 'eigene + Vollmacht' };
const eintraege = Object.entries(BERECHTIGUNGEN) as [Permission, Berechtigung][];

describe('Berechtigungstabelle', () => {
  it('controlling hält nur Berechtigungen für Summen (nie einen Termin, eine Fallakte oder eine Zahlung einer Person)', () => {
    const beiControlling = eintraege.filter(([, b]) => b.rollen.controlling).map(([p, b]) => [p, b.aggregat === true]);
    expect(beiControlling.length).toBeGreaterThan(0);
    expect(beiControlling.filter(([, aggregat]) => !aggregat)).toEqual([]);
    expect(can({ roles: ['controlling'] }, 'termine.bearbeiten')).toBe(false);
    expect(can({ roles: ['controlling'] }, 'fall.lesen')).toBe(false);
    expect(can({ roles: ['controlling'] }, 'zahllauf.ausfuehren')).toBe(false);
  });

  it('Reichweite: die weiteste der Rollen; ohne Berechtigung keine Standorte', () => {
    const standorte = [{ id: 's1', name: 'A' }];
    expect(reichweiteDerRollen(['leistung', 'admin'], 'termine.planen')).toBe('traeger');
    expect(reichweiteDerRollen(['integration'], 'termine.eigenerKalender')).toBe('eigener_kalender');
    expect(reichweiteDerRollen(['admin'], 'termine.bearbeiten')).toBeNull();
    expect(sichtbareStandorte({ roles: ['admin'], standorte }, 'termine.bearbeiten')).toEqual([]);
    expect(sichtbareStandorte({ roles: ['admin'], standorte }, 'termine.planen')).toBe('alle');
    expect(sichtbareStandorte({ roles: ['teamleitung'], standorte }, 'termine.planen')).toEqual(['s1']);
    expect(sichtbareStandorte({ roles: ['controlling'], standorte }, 'fall.lesen')).toEqual([]);
  });

  it('docs/sicherheit.md zeigt genau diese Tabelle', () => {
    const doku = readFileSync(new URL('../../docs/sicherheit.md', import.meta.url), 'utf8');
    for (const [name, b] of eintraege) {
      const r = b.rollen as Record<string, string>;
      expect(doku, name).toContain(`| \`${name}\` | ${b.beschreibung} | ${ROLLEN.map((x) => (r[x] ? KURZ[r[x]] : '–')).join(' | ')} |`);
    }
    const zeilen = doku.split('\n').filter((z) => /^\| `[a-z]+\.[A-Za-z]+` \|/.test(z));
    expect(zeilen).toHaveLength(eintraege.length);
  });
});
