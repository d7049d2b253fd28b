export * from './svg-charts';
