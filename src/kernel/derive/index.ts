// The boot-time derivations: run a release's recipe over the kernel's variables.
export { recipeFor, type Recipe } from './recipes';
export type { BootEvent, BootVars, DeriveContext } from './types';
