export * from './organisation.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './fall.ts';
export * from './termine.ts';
export * from './bewilligung.ts';
export * from './portal.ts';
export * from './mail.ts';
