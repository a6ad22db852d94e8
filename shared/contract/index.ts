export * from './channels';
export * from './errors';
export type * from './bridge';
