// The /etc/system layer: parse, boot, check, and persist mdb changes.
export { bootKernel, sorryLine } from './boot';
export { cannotOpen, checkStatus, checkSystemFile } from './checker';
export type { Diagnostic, DiagnosticCode, Form, Severity } from './diagnostic';
export { parseSystemFile } from './parser';
export type { DirectiveEntry, ParsedSystemFile, SetEntry, SetOp, SetValue, Span, SystemEntry } from './parser';
export { mergePersist, persistLines, writeFileAtomic, type WriteResult } from './persist';
