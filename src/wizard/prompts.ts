// The four prompts the wizard asks with (src/wizard/ask.ts). The build bundles
// this file on its own as dist/inquirer.cjs, loaded (a lazy require) only when
// the wizard runs. Named, not `export *`: the prompts it never asks (the editor
// prompt and its encoding tables) stay out of the package.
export { checkbox, confirm, input, select } from '@inquirer/prompts';
