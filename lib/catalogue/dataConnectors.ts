import { resource } from './types';

export default resource({
  listDataConnectors: {
    op: 'GET /data_connectors',
    title: 'Data connectors: List',
    description: 'Lists the data connectors (outbound HTTP actions) set up in the workspace.',
    paginate: 'cursor',
    itemsPath: 'data',
  },
  createDataConnector: {
    op: 'POST /data_connectors',
    title: 'Data connectors: Create',
    description: 'Creates a data connector that calls an external HTTP endpoint from workflows or Fin.',
  },
  getDataConnector: {
    op: 'GET /data_connectors/{id}',
    title: 'Data connectors: Get',
    description: 'Fetches one data connector with its request and response configuration.',
  },
  updateDataConnector: {
    op: 'PATCH /data_connectors/{id}',
    title: 'Data connectors: Update',
    description: 'Changes the given settings of a data connector.',
  },
  deleteDataConnector: {
    op: 'DELETE /data_connectors/{id}',
    title: 'Data connectors: Delete (permanent)',
    description: 'Permanently deletes a data connector that is no longer used anywhere.',
  },
  listDataConnectorExecutionResults: {
    op: 'GET /data_connectors/{data_connector_id}/execution_results',
    title: 'Data connectors: List execution results',
    description: 'Lists the recorded calls of a data connector, filtered by outcome, error type and time.',
    paginate: 'cursor',
    itemsPath: 'data',
  },
  getDataConnectorExecutionResult: {
    op: 'GET /data_connectors/{data_connector_id}/execution_results/{id}',
    title: 'Data connectors: Get execution result',
    description: 'Fetches one recorded call of a data connector.',
  },
});
