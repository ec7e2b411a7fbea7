import type { ResourceHelp } from './types';

/** Visitors' actions (the visitor record's texts are in workspace.ts with the other small workspace resources). */
const help: ResourceHelp = {
  actions: {
    convertVisitor: {
      out: {
        merge_history:
          'Empty in this answer: this action does not ask for the merge history (Contacts: Get with include_merge_history, or Contacts: List merge history, gives it).',
      },
    },
  },
};

export default help;
