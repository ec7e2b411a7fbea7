import type { ResourceHelp } from './types';

const help: ResourceHelp = {};

export default help;
