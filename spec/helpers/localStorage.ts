/**
 * The platform's file storage as its loopback stand-in (tools/storage), for one describe block of the file specs:
 * started once, its environment variables set before each test and removed after it, its request log emptied
 * before each test.
 */
import { startStorage, type StorageHandle } from '../../tools/storage';

export function localStorageForSuite(): () => StorageHandle {
  let storage: StorageHandle | undefined;
  const savedEnv = { ...process.env };
  const started = (): StorageHandle => {
    if (!storage) throw new Error('the local storage is not started yet (use it inside a test or hook)');
    return storage;
  };
  before(async () => {
    storage = await startStorage();
  });
  after(async () => {
    await storage?.close();
  });
  beforeEach(() => {
    Object.assign(process.env, started().env);
    started().requests.length = 0;
  });
  afterEach(() => {
    for (const name of Object.keys(started().env)) if (savedEnv[name] === undefined) Reflect.deleteProperty(process.env, name);
  });
  return started;
}
