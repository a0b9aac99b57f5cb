export { formatAnnotation, neutralizeUntrusted } from '../../src/runtime/workflow-commands.js';
export { formatFileCommand as formatFileCommandSafe } from '../../src/runtime/action-io.js';
