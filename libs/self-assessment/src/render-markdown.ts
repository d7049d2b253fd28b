import type { Block } from './report-document';

/** Table cells keep their line breaks as <br> and cannot break the table with a pipe. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${b.text}`;
    case 'paragraph':
      return b.emphasis ? `**${b.text}**` : b.text;
    case 'table':
      return [
        `| ${b.headers.map(cell).join(' | ')} |`,
        `| ${b.headers.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'bands':
      return b.items.map((i) => `${i.ticked ? '☒' : '☐'} ${i.label}`).join('  ');
    case 'list':
      return b.items.map((i) => `- ${i.replace(/\n/g, '\n  ')}`).join('\n');
    case 'chart':
      return ''; // charts are drawn in the HTML report
    default: {
      const never: never = b;
      return never;
    }
  }
}

export function renderMarkdown(blocks: Block[]): string {
  return `${blocks.map(block).filter(Boolean).join('\n\n')}\n`;
}
