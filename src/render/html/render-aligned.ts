// The aligned page (`acta align`): the aligned view-model laid out by templates/aligned.hbs.

import Handlebars from 'handlebars';
import type { Diagnostic } from '../../diagnostics.js';
import type { NumberedReport } from '../../model.js';
import { alignedView } from './aligned-view.js';

export interface AlignedTemplates {
  readonly main: string;
  readonly cell: string;
  readonly styles: string;
}

export function renderAligned(original: NumberedReport, translation: NumberedReport, diagnostics: readonly Diagnostic[], templates: AlignedTemplates): string {
  const env = Handlebars.create();
  env.registerPartial('alignedCell', env.compile(templates.cell, { strict: false, preventIndent: true }));
  const main = env.compile(templates.main, { strict: false, preventIndent: true });
  return main({ ...alignedView(original, translation, diagnostics), styles: templates.styles });
}
