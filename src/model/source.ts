// Where a node of the model came from: a point and a range of a source file, kept through every transform.

export interface Point {
  readonly line: number;
  readonly column: number;
  /** 0-based offset in the file's text. */
  readonly offset: number;
}

export interface SourceRange {
  readonly file: string;
  readonly start: Point;
  readonly end: Point;
}
