/** What every resource module receives when it registers its routes. */
import type { SandboxKnobs } from '../knobs';
import type { Router } from '../router';
import type { Workspace } from '../store/workspace';

export interface ResourceContext {
  readonly ws: Workspace;
  readonly knobs: SandboxKnobs;
  readonly router: Router;
  /** How long an unused company scroll stays open. */
  readonly scrollTtlMs: number;
  /** Companies per scroll page. */
  readonly scrollPageSize: number;
  /** How long an export job takes to complete. */
  readonly exportJobMs: number;
}
