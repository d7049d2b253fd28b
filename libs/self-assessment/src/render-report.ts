import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { reportDocument } from './report-document';
import type { ReportFormat, ReportInput, ReportLang } from './report-input';

/** The self-assessment report, in Markdown or HTML, French (the report's wording) or English. */
export function renderReport(input: ReportInput, options: { format: ReportFormat; lang: ReportLang }): string {
  const blocks = reportDocument(input, options.lang);
  return options.format === 'html' ? renderHtml(blocks, input, options.lang) : renderMarkdown(blocks);
}
