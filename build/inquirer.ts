// dist/inquirer.cjs: @inquirer/prompts bundled on its own, so the main bundle
// stays small and the wizard loads it (a lazy require) only when it runs.
export * from '@inquirer/prompts';
