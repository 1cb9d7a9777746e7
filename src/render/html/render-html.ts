// The HTML writer: a view-model laid out by Handlebars templates; one self-contained file.

import Handlebars from 'handlebars';
import { error, type Diagnostic } from '../../diagnostics.js';
import type { TemplateSet } from '../../load/load-templates.js';
import type { NumberedReport } from '../../model.js';
import { TemplateFailed } from './template-failed.js';
import { htmlView, type HtmlView, type ViewOptions } from './view-model.js';

export { TemplateFailed };

export interface CompiledTemplates {
  readonly render: (view: HtmlView & { styles: string }) => string;
  readonly styles: string;
}

/** Compiles a template set in its own Handlebars environment; a template error is a diagnostic. */
export function compileTemplates(set: TemplateSet): { value: CompiledTemplates | null; diagnostics: Diagnostic[] } {
  const env = Handlebars.create();
  let current = 'templates';
  try {
    for (const [name, source] of Object.entries(set.partials)) {
      current = set.files[`partial:${name}`] ?? name;
      env.parse(source); // compile() is lazy: parse now so a syntax error is reported before any build
      env.registerPartial(name, env.compile(source, { strict: false, preventIndent: true }));
    }
    current = set.files.main ?? 'report.hbs';
    env.parse(set.main);
    const main = env.compile(set.main, { strict: false, preventIndent: true });
    const render = (view: HtmlView & { styles: string }) => {
      try {
        return main(view);
      } catch (e) {
        const message = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
        throw new TemplateFailed(error({ file: set.files.main ?? 'report.hbs', line: 1, column: 1 }, 'template', `Unexpected template failure: ${message}`));
      }
    };
    return { value: { render, styles: set.styles }, diagnostics: [] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
    const first = message.split('\n')[0] ?? message;
    return { value: null, diagnostics: [error({ file: current, line, column: 1 }, 'template', `Unexpected template syntax: ${first}`)] };
  }
}

export function renderHtml(report: NumberedReport, templates: CompiledTemplates, options: ViewOptions = {}): string {
  return templates.render({ ...htmlView(report, options), styles: templates.styles });
}
