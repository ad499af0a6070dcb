import { describe, expect, it } from 'vitest';
import { HtmlValidate, FileSystemConfigLoader, type Message } from 'html-validate';
import { builtPages } from './dist';

describe('every built page is valid HTML', () => {
  const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());
  it('has no html-validate errors', async () => {
    const problems: string[] = [];
    for (const page of builtPages()) {
      const report = await htmlvalidate.validateFile(page.file);
      for (const r of report.results)
        for (const m of r.messages as Message[])
          if (m.severity === 2) problems.push(`${page.path} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
