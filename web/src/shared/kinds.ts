/** Colour of each node kind (GraphQL type name), the same on every page (contrast ≥ 3:1 on white). */
export const KIND_COLOURS: Record<string, string> = {
  LegalDocument: '#6d4c9f',
  Plan: '#c0392b',
  Scheme: '#8c564b',
  Agency: '#1f77b4',
  Person: '#6b6b6b',
  Task: '#23801f',
  Target: '#c25e00',
  Phase: '#7d7e14',
  Objective: '#127f8c',
  Sector: '#b8418f',
  Enterprise: '#5a5fb0',
  Lab: '#7d4fb0',
  Category: '#3f7f80',
  Standard: '#393b79',
  FundingSource: '#8f6b00',
};

/** The colour of `kind`, grey for a kind the pages do not know. */
export function kindColour(kind: string): string {
  return KIND_COLOURS[kind] ?? '#777777';
}
