/** Termine: availability, booking checks, waiting list, rules, invitations, calendar files and check-in (pure). */
export * from './checkin.ts';
export * from './einladung.ts';
export * from './feiertage.ts';
export * from './kalender.ts';
export * from './oeffnungszeiten.ts';
export * from './regeln.ts';
export * from './verfuegbarkeit.ts';
export * from './warteliste.ts';
export * from './zeit.ts';
