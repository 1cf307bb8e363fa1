export * from './organisation.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './fall.ts';
