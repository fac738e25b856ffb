/**
 * The families a target's source can belong to: who produced the figure, not the outlet that carried it
 * (ONEI via CiberCuba is `cuban-state`). Sources within a family share their counting and their interests,
 * so their errors are correlated; the back-test reports coverage by family to show it (docs/MODEL.md).
 */
export const SOURCE_FAMILIES = [
  // ONEI, MINSAP, UCCM, Granma and other state media, ministers and officials.
  'cuban-state',
  // USCIS and DHS statistics, the State Department's Trafficking in Persons reports, congressional staff.
  'us-government',
  // Governments that host the missions: Venezuela's government, Brazil's and Bolivia's health ministries.
  'host-government',
  // Wire services, newspapers and broadcasters: AP, Reuters, AFP, EFE, BBC, NYT, WSJ, the Guardian, Estadao.
  'wire-press',
  // 14ymedio, CiberCuba, Diario de Cuba, Translating Cuba, Progreso Weekly, when they give their own figure.
  'independent-cuban-media',
  // Prisoners Defenders, Solidarity Without Borders and other exile or campaigning groups.
  'advocacy',
  // WHO, PAHO, the World Bank, UN agencies, MSF.
  'international-organisation',
  // Reviews, academic articles, economists, think tanks and analysts (EIU, Global Health Intelligence).
  'scholarly',
  // Blogs and websites that fit no family above and name no producer for the figure.
  'other-media',
] as const;

/** One of SOURCE_FAMILIES. */
export type SourceFamily = (typeof SOURCE_FAMILIES)[number];
