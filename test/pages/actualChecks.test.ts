import { BadUserInputError } from '../../src/errors';
import { recordFields } from '../../resolvers/helpers/recordInput';
import { draftProblems, fieldOfArgument, type ActualDraft } from '../../web/src/dashboard/actualChecks';

const GOOD: ActualDraft = {
  target: 'Target:dn-202-2019.i-2-a-2',
  value: 30,
  periodStart: '2020-01-01',
  periodEnd: '2020-12-31',
  status: 'FINAL',
  evidenceDocument: 'TEST-1/BC',
  evidenceUrl: null,
  evidenceQuote: 'Test data: not from any real report.',
  note: null,
};

/** The field the API names when it refuses `draft` as a new actual's input (undefined when it takes it). */
function serverField(draft: ActualDraft): string | undefined {
  const input = {
    value: draft.value,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    status: draft.status,
    baseline: false,
    evidence: { document: draft.evidenceDocument, url: draft.evidenceUrl, quote: draft.evidenceQuote },
    note: draft.note,
  };
  try {
    recordFields('Actual', input, true);
    return undefined;
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    return fieldOfArgument(error.extensions.argument as string);
  }
}

const BAD: [string, Partial<ActualDraft>][] = [
  ['no value', { value: null }],
  ['a negative value', { value: -1 }],
  ['a fractional value', { value: 1.5 }],
  ['a value over a billion', { value: 1_000_000_001 }],
  ['no period start', { periodStart: null }],
  ['an impossible date', { periodEnd: '2021-02-30' }],
  ['a year out of range', { periodStart: '1989-12-31' }],
  ['a period that ends before it starts', { periodStart: '2021-01-01', periodEnd: '2020-12-31' }],
  ['evidence without a document or URL', { evidenceDocument: null }],
  ['a URL that is not http(s)', { evidenceUrl: 'ftp://example.org/report' }],
  ['no quoted sentence', { evidenceQuote: null }],
  ['a blank quoted sentence', { evidenceQuote: '   ' }],
  ['a document number over 200 characters', { evidenceDocument: 'x'.repeat(201) }],
  ['a note over 2000 characters', { note: 'x'.repeat(2001) }],
];

describe('the dashboard’s checks of a new actual', () => {
  it('let a complete draft through, as the API does', () => {
    expect(draftProblems('en', GOOD)).toEqual([]);
    expect(serverField(GOOD)).toBeUndefined();
  });

  it.each(BAD)('refuse %s on the field the API names', (_what, change) => {
    const draft = { ...GOOD, ...change };
    const problems = draftProblems('en', draft);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.field).toBe(serverField(draft));
    expect(problems[0]?.message).not.toBe('');
    expect(draftProblems('vi', draft)[0]?.message).not.toBe(problems[0]?.message);
  });

  it('ask for a target', () => {
    expect(draftProblems('en', { ...GOOD, target: '' })).toEqual([{ field: 'target', message: 'is required' }]);
  });

  it('read the field an API error names', () => {
    expect(fieldOfArgument('input.evidence.url')).toBe('evidenceUrl');
    expect(fieldOfArgument('input.evidence.quote')).toBe('evidenceQuote');
    expect(fieldOfArgument('input.periodEnd')).toBe('periodEnd');
    expect(fieldOfArgument(undefined)).toBeUndefined();
  });
});
