import { advise } from '../fusion/advice';
import { runWorkload } from '../fusion/engine';
import { tunablesFromKernel } from '../fusion/tunables';
import { CUSTOMER_CASE, isWorkloadError, parseWorkload, type Flow, type Workload } from '../fusion/workload';
import type { FileSystem } from '../io';
import type { Terminal } from '../terminal';
import type { Kernel } from '../kernel/kernel';
import { renderReport } from '../render/fusion-report';
import type { Theme } from '../render/theme';
import { parseCount, parseName } from './answers';
import { askText, type Ask } from './ask';
import { askFlow } from './flow';
import { offerSave } from './save';
import { promptTheme } from './theme';

// ::wizard: a workload built by answering questions, run on the session's
// kernel, shown as the batch report, and offered for saving as JSON.

export interface WizardDeps extends Terminal {
  kernel: Kernel;
  theme: Theme;
  fs: FileSystem;
  /** For the temporary file of an atomic save. */
  pid?: number;
  /** Every question's default: the session's workload, or the customer case. */
  defaults: Workload;
}

export type WizardResult = { workload: Workload; savedTo?: string } | 'cancelled';

/** More flows than this belong in a JSON file, not in a dialogue. */
export const MAX_WIZARD_FLOWS = 16;

function parseFlowCount(text: string): number | string {
  const n = parseCount(text);
  if (typeof n === 'string' || n <= MAX_WIZARD_FLOWS) return n;
  return `at most ${MAX_WIZARD_FLOWS} flows here: write a larger workload as JSON and use ::run -w FILE`;
}

/** The defaults of flow `i`: the default workload's own, else its last one renamed. */
function flowDefaults(defaults: Workload, i: number): Flow {
  const last = defaults.flows[defaults.flows.length - 1] ?? (CUSTOMER_CASE.flows[0] as Flow);
  return defaults.flows[i] ?? { ...last, name: `flow${i + 1}` };
}

async function askWorkload(ask: Ask, defaults: Workload): Promise<Workload> {
  const { name } = await askText(ask, 'Workload name', defaults.name, (t) => parseName(t, 'customer-case'));
  const count = await askText(ask, 'How many flows', String(defaults.flows.length), parseFlowCount);
  const flows: Flow[] = [];
  for (let i = 0; i < count; i++) flows.push(await askFlow(ask, i, flowDefaults(defaults, i), flows));
  return { name, flows };
}

/** inquirer rejects with ExitPromptError on Ctrl-C (AbortPromptError when a signal aborts). */
export const isCancel = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');

/** Runs the dialogue; 'cancelled' when the user pressed Ctrl-C before the workload was complete. */
export async function runWizard(deps: WizardDeps): Promise<WizardResult> {
  const prompts = await import('./prompts');
  const ask: Ask = { prompts, terminal: { input: deps.input, output: deps.output }, theme: promptTheme(deps.theme) };
  const say = (line: string): void => void deps.output.write(`${line}\n`);
  let built: Workload;
  try {
    built = await askWorkload(ask, deps.defaults);
  } catch (e) {
    if (isCancel(e)) return 'cancelled';
    throw e;
  }
  // The answers were checked one by one; the schema checks the whole once more.
  const workload = parseWorkload(JSON.stringify(built), '<wizard>');
  if (isWorkloadError(workload)) throw new Error(workload.error);
  const tunables = tunablesFromKernel(deps.kernel);
  deps.output.write(`\n${renderReport(runWorkload(tunables, workload), deps.theme, advise(tunables, workload))}\n`);
  try {
    const savedTo = await offerSave(ask, deps.fs, workload, say, deps.pid);
    return savedTo === undefined ? { workload } : { workload, savedTo };
  } catch (e) {
    // Ctrl-C while saving: the workload stands, it is just not saved.
    if (isCancel(e)) return { workload };
    throw e;
  }
}
