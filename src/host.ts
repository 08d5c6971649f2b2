import { hostname } from 'node:os';

// The machine's name, for ::status. A module of its own, reached through import():
// node:os is then loaded only when ::status asks, not at every start-up.

export const host = (): string => hostname();
