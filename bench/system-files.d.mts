export function mixedSystemFile(lines: number): string;
