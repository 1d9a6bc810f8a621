import type { DateField } from './readLaterFacts';
import type { DatedBy, FactLeftOut, FactUse, QuoteRef } from './factUses';

/**
 * What each later fact becomes in the graph (docs/later-facts.md, "In the
 * graph"), and which facts stay out and why. Names in English are labels;
 * everything else is read from the fact (see factUses.ts).
 */

const q = (source: number, quote: number): QuoteRef => ({ source, quote });
const by = (date: DateField, source: number, quote: number): DatedBy => ({ date, quote: q(source, quote) });

const NATIONAL = { level: 'NATIONAL', collective: false } as const;
const CITY = { level: 'CITY', collective: false } as const;

export const LATER_FACT_USES: readonly FactUse[] = [
  {
    factId: 'lf-2020-08-31-qd-1322-ttg-issued',
    nodes: [
      {
        id: 'LegalDocument:vn-1322-qd-ttg-2020', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECISION' },
        name: 'Decision 1322/QĐ-TTg approving the national programme to help enterprises raise productivity and product quality, 2021-2030',
        quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-1322-qd-ttg-2020', subject: { role: 'document' } }, to: { id: 'Agency:vn-thu-tuong', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2021-03-17-qd-510-bkhcn-issued',
    nodes: [
      {
        id: 'LegalDocument:vn-510-qd-bkhcn-2021', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECISION' },
        name: 'Decision 510/QĐ-BKHCN issuing the guidance on measurement assurance programmes in enterprises',
        effectiveFrom: 'effectiveFrom', quote: q(0, 1), validFrom: by('effectiveFrom', 0, 2),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-510-qd-bkhcn-2021', subject: { role: 'document' } }, to: { id: 'Agency:vn-bkhcn', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2021-03-17-qd-510-bkhcn-based-on-qd-996-ttg',
    edges: [{ type: 'BASED_ON', from: { id: 'LegalDocument:vn-510-qd-bkhcn-2021', subject: { role: 'citing' } }, to: { id: 'LegalDocument:vn-996-qd-ttg-2018', subject: { role: 'cited' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2023-07-18-qd-1537-bkhcn-issued',
    nodes: [
      {
        id: 'LegalDocument:vn-1537-qd-bkhcn-2023', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECISION' },
        name: 'Decision 1537/QĐ-BKHCN issuing the guidance on inter-laboratory comparison programmes in measurement',
        quote: q(0, 1), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-1537-qd-bkhcn-2023', subject: { role: 'document' } }, to: { id: 'Agency:vn-bkhcn', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2023-07-18-qd-1537-bkhcn-based-on-qd-996-ttg',
    edges: [{ type: 'BASED_ON', from: { id: 'LegalDocument:vn-1537-qd-bkhcn-2023', subject: { role: 'citing' } }, to: { id: 'LegalDocument:vn-996-qd-ttg-2018', subject: { role: 'cited' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2024-06-26-nq-136-2024-qh15-issued',
    nodes: [
      {
        id: 'LegalDocument:vn-136-2024-qh15', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'RESOLUTION' },
        name: 'Resolution 136/2024/QH15 on the urban government of Đà Nẵng and pilot special mechanisms for its development',
        description: 'Its date of entry into force was not read; its validity here starts on its date of adoption.',
        quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-136-2024-qh15', subject: { role: 'document' } }, to: { id: 'Agency:vn-quoc-hoi', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2024-07-30-ct-38-tw-issued',
    nodes: [
      { id: 'Agency:vn-ban-bi-thu', kind: 'Agency', subject: { role: 'issuer' }, props: NATIONAL, name: 'Secretariat of the Party Central Committee', quote: q(0, 0) },
      {
        id: 'LegalDocument:vn-38-ct-tw-2024', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DIRECTIVE' },
        name: 'Directive 38-CT/TW on stepping up national standards, metrology and quality work to 2030 and beyond',
        quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-38-ct-tw-2024', subject: { role: 'document' } }, to: { id: 'Agency:vn-ban-bi-thu', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2024-12-31-qd-1703-ttg-issued',
    nodes: [
      {
        id: 'LegalDocument:vn-1703-qd-ttg-2024', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECISION' },
        name: 'Decision 1703/QĐ-TTg (standards, metrology and quality work to 2030; Vietnamese title not read)',
        description: 'Read only in the Chinese edition of Báo Bình Dương, which names it beside Directive 38-CT/TW as a basis of a provincial plan.',
        quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-1703-qd-ttg-2024', subject: { role: 'document' } }, to: { id: 'Agency:vn-thu-tuong', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2025-02-19-luat-tccqdp-2025-replaces-2015',
    nodes: [
      {
        id: 'LegalDocument:vn-luat-tccqdp-2025', kind: 'LegalDocument', subject: { role: 'replacing' }, props: { docType: 'LAW' },
        name: 'Law on the Organisation of Local Government 2025 (February 2025; number not read)',
        effectiveFrom: 'effectiveFrom', quote: q(1, 0), validFrom: by('effectiveFrom', 0, 0),
      },
    ],
    seedValidity: [{ id: 'LegalDocument:vn-luat-tccqdp-2015', subject: { role: 'replaced' }, validTo: by('effectiveFrom', 0, 0) }],
    edges: [
      {
        type: 'REPLACED_BY', from: { id: 'LegalDocument:vn-luat-tccqdp-2015', subject: { role: 'replaced' } }, to: { id: 'LegalDocument:vn-luat-tccqdp-2025', subject: { role: 'replacing' } },
        quote: q(0, 0), validFrom: by('effectiveFrom', 0, 0),
      },
    ],
  },
  {
    factId: 'lf-2025-02-20-dn-skhcn-merged-with-stttt',
    nodes: [
      {
        id: 'LegalDocument:dn-01-nq-hdnd-2025', kind: 'LegalDocument', props: { docType: 'RESOLUTION' },
        name: 'Resolution 01/NQ-HĐND of the Đà Nẵng People\'s Council setting up the merged city departments',
        description: 'Its number was read only on a site reproducing city news (bjp998.com); to be checked against the city gazette.',
        issuedOn: 'issuedOn', effectiveFrom: 'effectiveFrom', quote: q(1, 0), validFrom: by('effectiveFrom', 0, 2),
      },
      { id: 'Agency:dn-stttt', kind: 'Agency', subject: { role: 'predecessor', index: 1 }, props: CITY, name: 'Đà Nẵng Department of Information and Communications', quote: q(0, 1), validTo: by('operativeFrom', 0, 2) },
      {
        id: 'Agency:dn-skhcn-2025', kind: 'Agency', subject: { role: 'successor' }, props: CITY,
        name: 'Đà Nẵng Department of Science and Technology (merged with Information and Communications, 2025)', quote: q(0, 1), validFrom: by('operativeFrom', 0, 2),
      },
    ],
    seedValidity: [{ id: 'Agency:dn-skhcn', subject: { role: 'predecessor' }, validTo: by('operativeFrom', 0, 2) }],
    edges: [
      { type: 'MERGED_INTO', from: { id: 'Agency:dn-skhcn', subject: { role: 'predecessor' } }, to: { id: 'Agency:dn-skhcn-2025', subject: { role: 'successor' } }, quote: q(0, 1), validFrom: by('operativeFrom', 0, 2) },
      { type: 'MERGED_INTO', from: { id: 'Agency:dn-stttt', subject: { role: 'predecessor', index: 1 } }, to: { id: 'Agency:dn-skhcn-2025', subject: { role: 'successor' } }, quote: q(0, 1), validFrom: by('operativeFrom', 0, 2) },
    ],
  },
  {
    factId: 'lf-2025-02-20-dn-skhdt-merged-into-stc',
    nodes: [
      {
        id: 'Agency:dn-stc-2025', kind: 'Agency', subject: { role: 'successor' }, props: CITY,
        name: 'Đà Nẵng Department of Finance (merged with Planning and Investment, 2025)', quote: q(0, 0), validFrom: by('operativeFrom', 0, 1),
      },
    ],
    seedValidity: [
      { id: 'Agency:dn-skhdt', subject: { role: 'predecessor', index: 0 }, validTo: by('operativeFrom', 0, 1) },
      { id: 'Agency:dn-stc', subject: { role: 'predecessor', index: 1 }, validTo: by('operativeFrom', 0, 1) },
    ],
    edges: [
      { type: 'MERGED_INTO', from: { id: 'Agency:dn-skhdt', subject: { role: 'predecessor', index: 0 } }, to: { id: 'Agency:dn-stc-2025', subject: { role: 'successor' } }, quote: q(0, 0), validFrom: by('operativeFrom', 0, 1) },
      { type: 'MERGED_INTO', from: { id: 'Agency:dn-stc', subject: { role: 'predecessor', index: 1 } }, to: { id: 'Agency:dn-stc-2025', subject: { role: 'successor' } }, quote: q(0, 0), validFrom: by('operativeFrom', 0, 1) },
    ],
  },
  {
    factId: 'lf-2025-02-26-dn-qd-07-2025-qd-ubnd-issued',
    nodes: [
      {
        id: 'LegalDocument:dn-07-2025-qd-ubnd', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECISION' },
        name: 'Decision 07/2025/QĐ-UBND on the functions, tasks, powers and structure of the merged Department of Science and Technology',
        description: 'Read only on a site reproducing city news (bjp998.com); to be checked against the city gazette.',
        quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:dn-07-2025-qd-ubnd', subject: { role: 'document' } }, to: { id: 'Agency:dn-ubnd', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2025-03-01-vn-bkhcn-merged-with-btttt',
    nodes: [
      {
        id: 'LegalDocument:vn-55-2025-nd-cp', kind: 'LegalDocument', props: { docType: 'DECREE' },
        name: 'Decree 55/2025/NĐ-CP on the functions, tasks, powers and structure of the merged Ministry of Science and Technology',
        issuedOn: 'issuedOn', effectiveFrom: 'effectiveFrom', quote: q(1, 0), validFrom: by('effectiveFrom', 1, 0),
      },
      { id: 'Agency:vn-btttt', kind: 'Agency', subject: { role: 'predecessor', index: 1 }, props: NATIONAL, name: 'Ministry of Information and Communications', quote: q(0, 0), validTo: by('effectiveFrom', 1, 0) },
      {
        id: 'Agency:vn-bkhcn-2025', kind: 'Agency', subject: { role: 'successor' }, props: NATIONAL,
        name: 'Ministry of Science and Technology (merged with Information and Communications, 2025)', quote: q(0, 0), validFrom: by('effectiveFrom', 1, 0),
      },
    ],
    seedValidity: [{ id: 'Agency:vn-bkhcn', subject: { role: 'predecessor' }, validTo: by('effectiveFrom', 1, 0) }],
    edges: [
      { type: 'MERGED_INTO', from: { id: 'Agency:vn-bkhcn', subject: { role: 'predecessor' } }, to: { id: 'Agency:vn-bkhcn-2025', subject: { role: 'successor' } }, quote: q(0, 0), validFrom: by('effectiveFrom', 1, 0) },
      { type: 'MERGED_INTO', from: { id: 'Agency:vn-btttt', subject: { role: 'predecessor', index: 1 } }, to: { id: 'Agency:vn-bkhcn-2025', subject: { role: 'successor' } }, quote: q(0, 0), validFrom: by('effectiveFrom', 1, 0) },
    ],
  },
  {
    factId: 'lf-2025-04-14-nq-76-2025-ubtvqh15-issued',
    nodes: [
      { id: 'Agency:vn-ubtvqh', kind: 'Agency', subject: { role: 'issuer' }, props: NATIONAL, name: 'Standing Committee of the National Assembly', quote: q(0, 0) },
      {
        id: 'LegalDocument:vn-76-2025-ubtvqh15', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'RESOLUTION' },
        name: 'Resolution 76/2025/UBTVQH15 on the reorganisation of administrative units in 2025', quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-76-2025-ubtvqh15', subject: { role: 'document' } }, to: { id: 'Agency:vn-ubtvqh', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2025-04-14-qd-759-ttg-issued',
    nodes: [
      {
        id: 'LegalDocument:vn-759-qd-ttg-2025', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECISION' },
        name: 'Decision 759/QĐ-TTg approving the scheme to reorganise administrative units and build two-tier local government (Quảng Nam and Đà Nẵng to form one city)',
        quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-759-qd-ttg-2025', subject: { role: 'document' } }, to: { id: 'Agency:vn-thu-tuong', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2025-06-12-nd-132-2025-nd-cp-issued',
    nodes: [
      { id: 'Agency:vn-chinh-phu', kind: 'Agency', subject: { role: 'issuer' }, props: NATIONAL, name: 'Government of Viet Nam', quote: q(0, 1) },
      {
        id: 'LegalDocument:vn-132-2025-nd-cp', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECREE' },
        name: 'Decree 132/2025/NĐ-CP dividing the competences of two-tier local government in the fields of the Ministry of Science and Technology',
        effectiveFrom: 'effectiveFrom', quote: q(0, 1), validFrom: by('effectiveFrom', 0, 0), validTo: by('effectiveTo', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-132-2025-nd-cp', subject: { role: 'document' } }, to: { id: 'Agency:vn-chinh-phu', subject: { role: 'issuer' } }, quote: q(0, 1) }],
  },
  {
    factId: 'lf-2025-06-12-nq-202-2025-qh15-quang-nam-da-nang-merged',
    nodes: [
      {
        id: 'LegalDocument:vn-202-2025-qh15', kind: 'LegalDocument', props: { docType: 'RESOLUTION' },
        name: 'Resolution 202/2025/QH15 on the reorganisation of provincial units (Quảng Nam and Đà Nẵng form the new Đà Nẵng city)',
        description: 'The city\'s People\'s Committee and Council keep their names: the resolution changes the territory they govern from 1 July 2025, so their nodes go on.',
        issuedOn: 'issuedOn', effectiveFrom: 'effectiveFrom', quote: q(0, 0), validFrom: by('effectiveFrom', 1, 0),
      },
    ],
  },
  {
    factId: 'lf-2025-06-14-luat-tc-qckt-amended',
    nodes: [
      { id: 'LegalDocument:vn-luat-tc-qckt-2006', kind: 'LegalDocument', subject: { role: 'amended' }, props: { docType: 'LAW' }, name: 'Law on Standards and Technical Regulations', quote: q(2, 0) },
      {
        id: 'LegalDocument:vn-luat-sd-tc-qckt-2025', kind: 'LegalDocument', subject: { role: 'amending' }, props: { docType: 'LAW' },
        name: 'Law amending the Law on Standards and Technical Regulations (June 2025; number not read)',
        effectiveFrom: 'effectiveFrom', quote: q(0, 0), validFrom: by('effectiveFrom', 1, 0),
      },
    ],
    edges: [
      {
        type: 'AMENDED_BY', from: { id: 'LegalDocument:vn-luat-tc-qckt-2006', subject: { role: 'amended' } }, to: { id: 'LegalDocument:vn-luat-sd-tc-qckt-2025', subject: { role: 'amending' } },
        quote: q(2, 0), validFrom: by('effectiveFrom', 1, 0),
      },
    ],
  },
  {
    factId: 'lf-2025-06-16-luat-72-2025-qh15-issued',
    nodes: [
      { id: 'Agency:vn-quoc-hoi', kind: 'Agency', subject: { role: 'issuer' }, props: NATIONAL, name: 'National Assembly', quote: q(0, 0) },
      {
        id: 'LegalDocument:vn-72-2025-qh15', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'LAW' },
        name: 'Law 72/2025/QH15 on the Organisation of Local Government (two-tier administrative units)',
        effectiveFrom: 'effectiveFrom', quote: q(2, 0), validFrom: by('effectiveFrom', 1, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-72-2025-qh15', subject: { role: 'document' } }, to: { id: 'Agency:vn-quoc-hoi', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2025-06-16-nd-150-2025-nd-cp-in-force',
    nodes: [
      {
        id: 'LegalDocument:vn-150-2025-nd-cp', kind: 'LegalDocument', subject: { role: 'document' }, props: { docType: 'DECREE' },
        name: 'Decree 150/2025/NĐ-CP on the specialised agencies of provincial and commune-level People\'s Committees',
        effectiveFrom: 'effectiveFrom', quote: q(0, 0), validFrom: by('effectiveFrom', 0, 0),
      },
    ],
    edges: [{ type: 'ISSUED_BY', from: { id: 'LegalDocument:vn-150-2025-nd-cp', subject: { role: 'document' } }, to: { id: 'Agency:vn-chinh-phu', subject: { role: 'issuer' } }, quote: q(0, 0) }],
  },
  {
    factId: 'lf-2025-06-16-nq-1659-ubtvqh15-communes-reorganised',
    nodes: [
      {
        id: 'LegalDocument:vn-1659-nq-ubtvqh15-2025', kind: 'LegalDocument', props: { docType: 'RESOLUTION' },
        name: 'Resolution 1659/NQ-UBTVQH15 reorganising the commune-level units of Đà Nẵng city (94 units)',
        issuedOn: 'issuedOn', effectiveFrom: 'effectiveFrom', quote: q(0, 1), validFrom: by('effectiveFrom', 0, 0),
      },
      {
        id: 'Agency:dn-ubnd-xa-phuong-dac-khu', kind: 'Agency', subject: { role: 'successor' }, props: { level: 'COMMUNE', collective: true },
        name: 'People\'s Committees of the communes, wards and special zone of Đà Nẵng city (from 1 July 2025)',
        description: 'The 94 commune-level units of the new city (23 wards, 70 communes, the Hoàng Sa special zone), as one collective role like the plan\'s "UBND xã, phường".',
        quote: q(2, 0), validFrom: by('operativeFrom', 3, 0),
      },
    ],
    seedValidity: [{ id: 'Agency:dn-ubnd-xa-phuong', subject: { role: 'predecessor' }, validTo: by('operativeFrom', 3, 0) }],
    edges: [
      {
        type: 'SUCCEEDED_BY', from: { id: 'Agency:dn-ubnd-xa-phuong', subject: { role: 'predecessor' } }, to: { id: 'Agency:dn-ubnd-xa-phuong-dac-khu', subject: { role: 'successor' } },
        quote: q(0, 1), validFrom: by('operativeFrom', 3, 0),
      },
    ],
  },
  {
    factId: 'lf-2025-06-16-nq-203-2025-qh15-amends-constitution',
    nodes: [
      { id: 'LegalDocument:vn-hien-phap-2013', kind: 'LegalDocument', subject: { role: 'amended' }, props: { docType: 'CONSTITUTION' }, name: 'Constitution of the Socialist Republic of Viet Nam (2013)', quote: q(0, 0) },
      {
        id: 'LegalDocument:vn-203-2025-qh15', kind: 'LegalDocument', subject: { role: 'amending' }, props: { docType: 'RESOLUTION' },
        name: 'Resolution 203/2025/QH15 amending the 2013 Constitution (two-tier administrative units, Article 110)',
        effectiveFrom: 'effectiveFrom', quote: q(1, 1), validFrom: by('effectiveFrom', 0, 0),
      },
    ],
    edges: [
      {
        type: 'AMENDED_BY', from: { id: 'LegalDocument:vn-hien-phap-2013', subject: { role: 'amended' } }, to: { id: 'LegalDocument:vn-203-2025-qh15', subject: { role: 'amending' } },
        quote: q(0, 0), validFrom: by('effectiveFrom', 0, 0),
      },
    ],
  },
  {
    factId: 'lf-2025-06-18-luat-78-2025-qh15-amends-clsphh',
    nodes: [
      { id: 'LegalDocument:vn-luat-clsphh', kind: 'LegalDocument', subject: { role: 'amended' }, props: { docType: 'LAW' }, name: 'Law on Product and Goods Quality', quote: q(0, 0) },
      {
        id: 'LegalDocument:vn-78-2025-qh15', kind: 'LegalDocument', subject: { role: 'amending' }, props: { docType: 'LAW' },
        name: 'Law 78/2025/QH15 amending the Law on Product and Goods Quality',
        effectiveFrom: 'effectiveFrom', quote: q(0, 0), validFrom: by('effectiveFrom', 0, 1),
      },
    ],
    edges: [
      {
        type: 'AMENDED_BY', from: { id: 'LegalDocument:vn-luat-clsphh', subject: { role: 'amended' } }, to: { id: 'LegalDocument:vn-78-2025-qh15', subject: { role: 'amending' } },
        quote: q(0, 0), validFrom: by('effectiveFrom', 0, 1),
      },
    ],
  },
  {
    factId: 'lf-2025-07-01-ubnd-quan-huyen-dissolved',
    seedValidity: [{ id: 'Agency:dn-ubnd-quan-huyen', subject: { role: 'dissolved' }, validTo: by('effectiveFrom', 0, 0) }],
    edges: [
      {
        type: 'SUCCEEDED_BY', from: { id: 'Agency:dn-ubnd-quan-huyen', subject: { role: 'dissolved' } }, to: { id: 'Agency:dn-ubnd-xa-phuong-dac-khu', subject: { role: 'successor', index: 0 } },
        quote: q(1, 0), validFrom: by('effectiveFrom', 0, 0),
      },
      {
        type: 'SUCCEEDED_BY', from: { id: 'Agency:dn-ubnd-quan-huyen', subject: { role: 'dissolved' } }, to: { id: 'Agency:dn-ubnd', subject: { role: 'successor', index: 1 } },
        quote: q(1, 0), validFrom: by('effectiveFrom', 0, 0),
      },
    ],
  },
  {
    factId: 'lf-2025-09-24-dn-qd-1626-ubnd-dds-merged',
    nodes: [
      {
        id: 'LegalDocument:dn-1626-qd-ubnd-2025', kind: 'LegalDocument', props: { docType: 'DECISION' },
        name: 'Decision 1626/QĐ-UBND setting up the Đà Nẵng Digital Transformation and Strategic Technology Centre',
        issuedOn: 'issuedOn', quote: q(0, 0), validFrom: by('issuedOn', 0, 0),
      },
      { id: 'Agency:dn-tt-cntt-tt', kind: 'Agency', subject: { role: 'predecessor', index: 0 }, props: CITY, name: 'Đà Nẵng Information and Communication Technology Centre', quote: q(0, 1), validTo: by('operativeFrom', 0, 2) },
      { id: 'Agency:dn-tt-ha-tang-cntt', kind: 'Agency', subject: { role: 'predecessor', index: 1 }, props: CITY, name: 'Đà Nẵng IT Infrastructure Development Centre', quote: q(0, 1), validTo: by('operativeFrom', 0, 2) },
      {
        id: 'Agency:qnam-tt-cntt-tt', kind: 'Agency', subject: { role: 'predecessor', index: 2 }, props: { level: 'OTHER', collective: false },
        name: 'Quảng Nam Information and Communication Technology Centre (former province)', quote: q(0, 1), validTo: by('operativeFrom', 0, 2),
      },
      {
        id: 'Agency:dn-dds', kind: 'Agency', subject: { role: 'successor' }, props: { ...CITY, abbreviation: 'DDS' },
        name: 'Đà Nẵng Digital Transformation and Strategic Technology Centre (DDS)',
        description: 'Under the Department of Science and Technology; not a measurement body.', quote: q(0, 1), validFrom: by('operativeFrom', 0, 2),
      },
    ],
    edges: [0, 1, 2].map((index) => ({
      type: 'MERGED_INTO' as const,
      from: { id: ['Agency:dn-tt-cntt-tt', 'Agency:dn-tt-ha-tang-cntt', 'Agency:qnam-tt-cntt-tt'][index]!, subject: { role: 'predecessor', index } },
      to: { id: 'Agency:dn-dds', subject: { role: 'successor' } },
      quote: q(0, 1),
      validFrom: by('operativeFrom', 0, 2),
    })),
  },
  {
    factId: 'lf-2025-09-26-dn-trung-tam-ud-khcn-tdc-created',
    nodes: [
      {
        id: 'Agency:dn-tt-ud-khcn-tdc', kind: 'Agency', subject: { role: 'created' }, props: CITY,
        name: 'Đà Nẵng Centre for Applied Science and Technology and Standards, Metrology and Quality',
        description: 'Set up under the Department of Science and Technology by decisions of the City People\'s Committee announced on 26 September 2025; the decisions\' number and date, and the day it began to operate, were not read, so its validity starts on the day of the announcement.',
        quote: q(1, 0), validFrom: by('reportedOn', 0, 1),
      },
    ],
  },
  {
    factId: 'lf-2026-04-13-quatest-2-vilas-024-accredited',
    nodes: [
      {
        id: 'Lab:vn-quatest-2', kind: 'Lab', subject: { role: 'body' }, props: { labType: 'LAB' },
        name: 'Quality Assurance and Testing Centre 2 (QUATEST 2), measurement-calibration laboratory VILAS 024',
        description: 'A national centre at 97 Lý Thái Tổ, Đà Nẵng; accredited by the Bureau of Accreditation (VILAS 024) to 13 April 2026 on the page read.',
        quote: q(0, 0),
      },
    ],
    edges: [
      {
        type: 'MEMBER_OF', from: { id: 'Lab:vn-quatest-2', subject: { role: 'body' } }, to: { id: 'Category:dn-phong-thi-nghiem-duoc-cong-nhan', subject: { role: 'memberOf', index: 0 } },
        quote: q(0, 0), validTo: by('effectiveTo', 0, 2),
      },
      { type: 'MEMBER_OF', from: { id: 'Lab:vn-quatest-2', subject: { role: 'body' } }, to: { id: 'Category:dn-to-chuc-dich-vu-do-luong', subject: { role: 'memberOf', index: 1 } }, quote: q(0, 0) },
    ],
  },
];

export const LATER_FACTS_LEFT_OUT: readonly FactLeftOut[] = [
  { factId: 'lf-2019-05-13-dn-qd-2102-ubnd-recorded-as', why: 'which number the decision carries is an open question; the graph keeps the number its text gives (202/QĐ-UBND)' },
  { factId: 'lf-2025-04-14-qd-759-ttg-implements-nq-60-tw', why: 'no relationship type says that one document carries out another (BASED_ON is a document\'s own "Căn cứ" lines, which were not read)' },
  { factId: 'lf-2025-06-27-uy-ban-tdc-quoc-gia-attested', why: 'it attests a name on a day and gives no start: a node would be valid before the body existed, and no act renames the Directorate' },
  { factId: 'lf-2025-07-01-district-competences-transferred', why: 'its receiver is the 2019 commune-level role, which ends the day the transfer starts (Resolution 1659); the dissolution fact carries the succession to the new commune-level committees' },
  { factId: 'lf-2025-11-20-nq-136-2024-qh15-amendment-planned', why: 'a planned act: nothing is in force, nothing changes' },
  { factId: 'lf-2026-02-25-luat-do-luong-amendment-planned', why: 'a planned act: nothing is in force, nothing changes (the Law on Measurement was not amended as of the report)' },
];
