/** The designer page: pick a step, configure it as the flow designer shows it, run it, see what it emits. */
import { deleteJson, type FunctionDetails, type FunctionSummary, type FunctionView, getJson, postJson, run, type RunEvent, type Schema } from './api.js';
import { byId, byIdAs, clear, el } from './dom.js';
import { StepFields } from './fields.js';
import { FieldProblem, InputForm } from './form.js';
import { outTree } from './tree.js';

const search = byIdAs('search', HTMLInputElement);
const chooser = byIdAs('action', HTMLSelectElement);
const runButton = byIdAs('run', HTMLButtonElement);
const forget = byIdAs('forget', HTMLButtonElement);
const messages = byId('messages');
const requests = byId('requests');
const log = byId('log');
const status = byId('status');
const formError = byId('form-error');
const progress = byIdAs('progress', HTMLProgressElement);
const progressText = byId('progress-text');
const showDebug = byIdAs('show-debug', HTMLInputElement);

let all: FunctionSummary[] = [];
let current: { details: FunctionDetails; fields: StepFields; form: InputForm | undefined; out: Schema | undefined } | undefined;

function riskLabel(risk: string): string {
  return risk === 'destructive' ? 'destructive: deletes or cannot be undone' : risk;
}

/** The chooser lists what matches the search (key, title or resource), grouped by resource, with each one's risk. */
function fillChooser(): void {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = all.filter((f) => words.every((w) => `${f.key} ${f.title} ${f.resource}`.toLowerCase().includes(w)));
  const chosen = chooser.value;
  clear(chooser);
  const groups = new Map<string, FunctionSummary[]>();
  for (const f of matching) groups.set(f.resource, [...(groups.get(f.resource) ?? []), f]);
  for (const [resource, list] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    chooser.append(
      el(
        'optgroup',
        { label: resource },
        ...list.map((f) => el('option', { value: f.key }, `${f.title} (${f.key}) — ${f.kind === 'trigger' ? (f.polling ? 'polling trigger, ' : 'trigger, ') : ''}${f.risk}${f.deprecated ? ', deprecated' : ''}`)),
      ),
    );
  }
  if (matching.some((f) => f.key === chosen)) chooser.value = chosen;
  status.textContent = current ? status.textContent : `${matching.length} of ${all.length} actions and triggers match.`;
}

function about(details: FunctionDetails): HTMLElement {
  return el(
    'div',
    {},
    el('h3', {}, details.title),
    el('p', {}, el('code', {}, details.key), ` · ${details.kind === 'trigger' ? (details.polling ? 'polling trigger' : 'trigger') : 'action'} · `, el('span', { class: `risk ${details.risk}` }, `risk: ${riskLabel(details.risk)}`)),
    el('p', {}, details.description),
    details.method ? el('p', {}, 'Calls ', el('code', {}, `${details.method} ${details.path ?? ''}`), details.paging ? `, pages in Intercom's ${details.paging} style` : '') : null,
  );
}

function previewBody(): void {
  if (!current?.form) return;
  try {
    byId('body-preview').textContent = JSON.stringify(current.form.value(), null, 2);
  } catch (error) {
    byId('body-preview').textContent = error instanceof Error ? error.message : String(error);
  }
}

let metadataTimer: number | undefined;

/** Dynamic metadata follows the step fields (the object type chosen): asked again when they change. */
function scheduleMetadata(): void {
  if (!current?.details.dynamicMetadata) return;
  window.clearTimeout(metadataTimer);
  metadataTimer = window.setTimeout(() => void loadMetadata(), 300);
}

async function loadMetadata(): Promise<void> {
  const open = current;
  if (!open) return;
  try {
    const meta = await postJson<{ in?: Schema; out?: Schema }>(`/api/functions/${encodeURIComponent(open.details.key)}/metadata`, { fields: open.fields.value() });
    if (current !== open) return;
    if (open.details.takesInput && meta.in) showInput(meta.in);
    if (meta.out) showOut(meta.out);
  } catch (error) {
    formError.textContent = `Dynamic metadata could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function showInput(schema: Schema | undefined): void {
  if (!current) return;
  const entered = current.form?.entered();
  const form = new InputForm(schema, previewBody);
  if (entered) form.restore(entered);
  current.form = form;
  const body = byId('input-body');
  clear(body);
  body.append(form.root);
  previewBody();
}

function showOut(schema: Schema | undefined): void {
  if (!current) return;
  current.out = schema;
  const tree = byId('tree');
  clear(tree);
  tree.append(outTree(schema));
}

function showSnapshot(snapshot: unknown): void {
  const kept = typeof snapshot === 'object' && snapshot !== null && Object.keys(snapshot).length > 0;
  const polling = current?.details.polling ?? false;
  forget.hidden = !polling;
  forget.disabled = !kept;
  byId('snapshot').textContent = !polling ? '' : kept ? `Snapshot kept from the last run: ${JSON.stringify(snapshot)}` : 'No snapshot yet: the next run is the first.';
}

async function choose(key: string): Promise<void> {
  if (!key) return;
  formError.textContent = '';
  const configure = byId('configure');
  configure.removeAttribute('data-ready');
  const details = await getJson<FunctionView>(`/api/functions/${encodeURIComponent(key)}`);
  const fields = new StepFields(details.key, details.fields, scheduleMetadata);
  current = { details, fields, form: undefined, out: undefined };
  const aboutNode = byId('about');
  clear(aboutNode);
  aboutNode.append(about(details));
  byId('choose-first').hidden = true;
  byId('fields').hidden = false;
  const fieldsBody = byId('fields-body');
  clear(fieldsBody);
  fieldsBody.append(fields.root);
  byId('input').hidden = !details.takesInput;
  byId('preview').hidden = !details.takesInput;
  showInput(details.takesInput ? details.in : undefined);
  showOut(details.out);
  runButton.disabled = false;
  runButton.textContent = 'Run';
  showSnapshot(details.snapshot);
  await fields.loadDropdowns();
  if (details.dynamicMetadata) await loadMetadata();
  // Dropdowns and dynamic fields are in: tests and people can rely on the form as it stands.
  if (current.details.key === key) configure.setAttribute('data-ready', key);
}

function jsonBlock(value: unknown): HTMLElement {
  return el('pre', {}, JSON.stringify(value, null, 2));
}

function onEvent(event: RunEvent): void {
  switch (event.type) {
    case 'start':
      status.textContent = `Running ${event.key} …`;
      return;
    case 'log': {
      const line = el('li', { class: `log-${event.level}` }, `${event.level}: ${event.message}`);
      line.hidden = event.level === 'debug' && !showDebug.checked;
      log.append(line);
      return;
    }
    case 'request':
      requests.append(
        el(
          'tr',
          {},
          el('td', {}, event.method),
          el('td', {}, el('code', {}, event.path)),
          el('td', {}, event.status === 0 ? (event.code ?? 'no answer') : String(event.status)),
          el('td', {}, event.requestId ?? ''),
          el('td', {}, `${event.ms} ms`),
        ),
      );
      return;
    case 'progress':
      progress.hidden = false;
      if (event.totalItems !== undefined) {
        progress.max = event.totalItems;
        progress.value = event.items;
      } else progress.removeAttribute('value');
      progressText.textContent = `Page ${event.page}${event.totalPages !== undefined ? ` of ${event.totalPages}` : ''}, ${event.items}${event.totalItems !== undefined ? ` of ${event.totalItems}` : ''} items`;
      return;
    case 'data':
      messages.append(el('li', { class: 'data' }, el('span', { class: 'kind' }, 'data'), jsonBlock(event.body)));
      return;
    case 'snapshot':
      messages.append(el('li', { class: 'snapshot' }, el('span', { class: 'kind' }, 'snapshot'), jsonBlock(event.snapshot)));
      return;
    case 'rebound':
      messages.append(el('li', { class: 'rebound' }, el('span', { class: 'kind' }, 'rebound'), el('p', {}, event.message)));
      return;
    case 'error': {
      messages.append(el('li', { class: 'error' }, el('span', { class: 'kind' }, 'error'), el('p', {}, event.message)));
      const unplaced = current?.form && event.problems ? current.form.showProblems(event.problems) : event.problems;
      formError.textContent = unplaced && unplaced.length > 0 ? unplaced.join('; ') : event.problems ? 'The input has problems: see the fields marked.' : event.message;
      return;
    }
    case 'end': {
      const outcome = event.code === 0 ? 'done' : event.code === 75 ? 'rebound (the platform would retry later)' : 'failed';
      status.textContent = `${outcome}: ${event.dataMessages} data message(s) in ${event.ms} ms${event.snapshotKept ? '; snapshot kept for the next run' : ''}.`;
      return;
    }
  }
}

async function runCurrent(): Promise<void> {
  if (!current) return;
  const open = current;
  formError.textContent = '';
  status.textContent = 'Starting …';
  open.form?.clearProblems();
  let input: Record<string, unknown>;
  try {
    input = open.form?.value() ?? {};
  } catch (error) {
    if (error instanceof FieldProblem && open.form) open.form.showProblems([`field ${error.path}: ${error.message}`]);
    else formError.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  clear(messages);
  clear(requests);
  clear(log);
  progress.hidden = true;
  progressText.textContent = '';
  runButton.disabled = true;
  try {
    await run(open.details.key, input, open.fields.value(), onEvent);
    if (open.details.polling) {
      const details = await getJson<{ snapshot: unknown }>(`/api/functions/${encodeURIComponent(open.details.key)}`);
      if (current === open) showSnapshot(details.snapshot);
    }
  } catch (error) {
    formError.textContent = error instanceof Error ? error.message : String(error);
  } finally {
    runButton.disabled = false;
  }
}

async function start(): Promise<void> {
  const session = await getJson<{ target: string; sandbox: boolean }>('/api/session');
  const target = byId('target');
  target.textContent = session.sandbox ? `Sandbox: ${session.target}` : `Runs call ${session.target} with INTERCOM_ACCESS_TOKEN.`;
  target.classList.add(session.sandbox ? 'sandbox' : 'workspace');
  all = await getJson<FunctionSummary[]>('/api/functions');
  fillChooser();
  search.addEventListener('input', fillChooser);
  chooser.addEventListener('change', () => void choose(chooser.value).catch((e: unknown) => (formError.textContent = e instanceof Error ? e.message : String(e))));
  byId('configure').addEventListener('submit', (event) => {
    event.preventDefault();
    void runCurrent();
  });
  forget.addEventListener('click', () => {
    if (!current) return;
    const key = current.details.key;
    void deleteJson(`/api/functions/${encodeURIComponent(key)}/snapshot`).then(() => showSnapshot(null));
  });
  showDebug.addEventListener('change', () => {
    for (const line of log.querySelectorAll<HTMLElement>('.log-debug')) line.hidden = !showDebug.checked;
  });
}

void start().catch((error: unknown) => {
  formError.textContent = `The designer could not start: ${error instanceof Error ? error.message : String(error)}`;
});
