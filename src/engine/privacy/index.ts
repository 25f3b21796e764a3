export * from './effects';
export * from './keyStore';
export * from './cipher';
export * from './fields';
export * from './backup';
