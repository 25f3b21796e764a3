export * from './schema';
export * from './resolve';
export * from './compatibility';
export * from './registry';
export * from './wire';
export * from './jsonReader';
export * from './clients';
