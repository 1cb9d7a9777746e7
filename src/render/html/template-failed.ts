// A template that fails while laying out a report (a missing helper…): the user's template, not acta.

import type { Diagnostic } from '../../diagnostics.js';

export class TemplateFailed extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
