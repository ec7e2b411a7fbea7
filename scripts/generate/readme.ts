import type { HandWrittenDecl } from '../../lib/catalogue/types';
import { referenceLink } from './manifest';
import type { BuiltOperation } from './operations';

export const README_START = '<!-- generated:actions:start (npm run generate) -->';
export const README_END = '<!-- generated:actions:end -->';

/** The README's action table, grouped by resource, between the two markers. */
export function actionTable(operations: BuiltOperation[], handWritten: Record<string, HandWrittenDecl>): string {
  const lines: string[] = [];
  const handWrittenEntries = Object.entries(handWritten);
  if (handWrittenEntries.length > 0) {
    lines.push('### Convenience actions and triggers', '', '| Key | Kind | Title | Risk |', '|---|---|---|---|');
    for (const [key, decl] of handWrittenEntries) lines.push(`| \`${key}\` | ${decl.kind}${decl.polling ? ' (polling)' : ''} | ${decl.title} | ${decl.risk} |`);
    lines.push('');
  }
  const groups = new Map<string, BuiltOperation[]>();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  for (const [group, ops] of groups) {
    lines.push(`### ${group}`, '', '| Key | Title | Operation | Risk | Reference |', '|---|---|---|---|---|');
    for (const op of ops) {
      const paging = op.entry.pagination ? ` (pages: ${op.entry.pagination.style})` : '';
      lines.push(
        `| \`${op.key}\` | ${op.decl.title} | \`${op.entry.method} ${op.entry.path}\`${paging} | ${op.entry.risk} | [${op.specOp.operationId}](${referenceLink(op.specOp.tag, op.specOp.operationId)}) |`,
      );
    }
    lines.push('');
  }
  return `${README_START}\n\n${lines.join('\n')}\n${README_END}`;
}

export function replaceTable(readme: string, table: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${README_START} … ${README_END}`);
  return readme.slice(0, start) + table + readme.slice(end + README_END.length);
}
