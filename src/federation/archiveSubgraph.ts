import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { foldDocumentNumber } from '../model/text';

/**
 * A small EXAMPLE subgraph: a document archive that owns file records of
 * legal documents and joins the knowledge graph by document number (a
 * natural key), the way a city archive that knows nothing of our ids would.
 * Its records are example data, not the city archive's: every record says so
 * (`exampleData: true`, shelf marks start with "EXAMPLE/").
 */
export const ARCHIVE_TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  # A legal document as the archive knows it: by its number. (No description here:
  # the knowledge graph's subgraph owns the type's description.)
  type LegalDocument @key(fields: "number") {
    number: String
    "The archive's record of the document's file, when it holds one."
    archive: ArchiveRecord
  }

  "Where the archive keeps a document's file (example data)."
  type ArchiveRecord {
    shelfMark: String!
    fileName: String!
    "Always true: these records illustrate federation and are not real archive data."
    exampleData: Boolean!
  }

  type Query {
    "Every document the archive holds."
    archivedDocuments: [LegalDocument!]!
  }
`);

interface ArchiveRecord {
  readonly shelfMark: string;
  readonly fileName: string;
  readonly exampleData: true;
}

/** The example archive holds a record for each of these document numbers. */
export const ARCHIVED_NUMBERS = ['202/QĐ-UBND', '996/QĐ-TTg', '82/QĐ-BKHCN', '24/TTr-SKHCN'] as const;

function recordOf(number: string): ArchiveRecord {
  const key = foldDocumentNumber(number);
  return { shelfMark: `EXAMPLE/${key}`, fileName: `${key}.pdf`, exampleData: true };
}

const RECORDS = new Map(ARCHIVED_NUMBERS.map((n) => [foldDocumentNumber(n), { number: n, record: recordOf(n) }]));

interface ArchivedDocument {
  readonly number: string | null;
  readonly record: ArchiveRecord | null;
}

/** Builds the example archive subgraph's schema. */
export function buildArchiveSchema(): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: ARCHIVE_TYPE_DEFS,
    resolvers: {
      Query: {
        archivedDocuments: (): ArchivedDocument[] => [...RECORDS.values()],
      },
      LegalDocument: {
        __resolveReference: (reference: { number?: unknown }): ArchivedDocument => {
          const number = typeof reference.number === 'string' ? reference.number : null;
          return { number, record: number ? (RECORDS.get(foldDocumentNumber(number))?.record ?? null) : null };
        },
        archive: (document: ArchivedDocument) => document.record,
      },
    },
  });
}
