export * from './report-input';
export * from './intl-format';
export * from './report-document';

export * from './render-markdown';
export * from './render-html';
export * from './render-report';
