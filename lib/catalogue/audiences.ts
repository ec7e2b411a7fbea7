import { resource } from './types';

export default resource({
  listAudiences: {
    op: 'GET /audiences',
    title: 'Audiences: List',
    description: 'Lists the saved audiences (rule-based groups of people) of the workspace.',
    paginate: 'page',
    itemsPath: 'data',
  },
  createAudience: {
    op: 'POST /audiences',
    title: 'Audiences: Create',
    description: 'Creates an audience from a name and matching rules.',
  },
  getAudience: {
    op: 'GET /audiences/{id}',
    title: 'Audiences: Get',
    description: 'Fetches one audience with its rules by id.',
  },
  updateAudience: {
    op: 'PUT /audiences/{id}',
    title: 'Audiences: Update',
    description: 'Changes the name or rules of an audience.',
  },
  deleteAudience: {
    op: 'DELETE /audiences/{id}',
    title: 'Audiences: Delete (permanent)',
    description: 'Permanently deletes an audience; content targeted at it loses that targeting.',
  },
});
