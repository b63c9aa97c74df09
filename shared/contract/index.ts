export * from './calls';
export * from './errors';
export * from './transport';
export * from './issues';
