export * from './model-chunks';
export * from './model-capture';
export * from './model-restore';
