export * from './analyze.ts';
export * from './classify.ts';
export * from './group.ts';
export * from './inert.ts';
export * from './parse.ts';
export * from './stack.ts';
export * from './merge.ts';
