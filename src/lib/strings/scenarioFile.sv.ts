// The scenario words that storing, restoring and backing up plans need (state/backups, db/planFileSplit),
// in a file of their own: they are part of the first view, the rest of SCENARIOS is not (issue 13.6;
// a strings file shared with a later view is bundled whole with the first one). SCENARIOS spreads them.
export const SCENARIO_FILE = {
  heading: 'Scenarier',
  restoredMainName: 'Plan från fil',
  fromFile: 'från fil',
  restoreNotList: 'ska vara en lista av scenarier, vart och ett med namn och plan.',
  noPlans: 'Det finns ingen plan ännu. Skapa en enhet eller öppna demoenheten.',
} as const;
