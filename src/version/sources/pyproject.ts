import { parse as parseToml } from 'smol-toml';
import { UserError } from '../../errors.js';
import { tomlKeyLine, type VersionReading } from './reading.js';

/** What pyproject.toml says about the version, before following references to other files. */
export interface PyprojectVersion {
  name?: string;
  /** `[project].description` and `license` (a string, or `{ text = … }`), for image metadata. */
  description?: string;
  license?: string;
  readings: VersionReading[];
  /** Set when the version is computed at build time (from the tag, or a file we are pointed to). */
  dynamic?: string;
  /** A module whose `__version__` is the version (`[tool.setuptools.dynamic] version = {attr = …}`, hatch `path`). */
  referencedModule?: { module?: string; path?: string };
}

type Table = Record<string, unknown>;
const table = (value: unknown): Table => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {});

export function parsePyproject(text: string, file: string): PyprojectVersion {
  // Python's TOML reader (tomllib, which pip and build use) rejects a leading BOM with "Invalid
  // statement (at line 1, column 1)": the build would fail, so the plan does too, saying why.
  if (text.startsWith('\uFEFF')) {
    throw new UserError(`${file}:1: starts with a UTF-8 byte order mark, which Python's TOML reader (tomllib, used by pip and build) rejects. Save the file as UTF-8 without BOM.`, { file, line: 1 });
  }
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (error) {
    throw new UserError(`${file} is not valid TOML: ${(error as Error).message.split('\n')[0]}`, { file }, { cause: error });
  }
  const isTable = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (doc.project !== undefined && !isTable(doc.project)) throw new UserError(`${file}: [project] must be a table, got ${JSON.stringify(doc.project)}.`, { file });
  const project = table(doc.project);
  if (project.version !== undefined && typeof project.version !== 'string') {
    const line = tomlKeyLine(text, 'project', 'version');
    throw new UserError(`${file}${line ? `:${line}` : ''}: [project].version must be a string, got ${JSON.stringify(project.version)}.`, { file, line });
  }
  const tool = table(doc.tool);
  const poetry = table(tool.poetry);
  const result: PyprojectVersion = {
    name: typeof project.name === 'string' ? project.name : typeof poetry.name === 'string' ? poetry.name : undefined,
    readings: [],
  };
  if (typeof project.description === 'string') result.description = project.description;
  const license = typeof project.license === 'string' ? project.license : table(project.license).text;
  if (typeof license === 'string') result.license = license;
  if (typeof project.version === 'string') {
    result.readings.push({
      source: `${file} [project].version`,
      file,
      line: tomlKeyLine(text, 'project', 'version'),
      ecosystem: 'python',
      value: project.version,
    });
  }
  const poetryDynamic = table(tool['poetry-dynamic-versioning']).enable === true;
  if (typeof poetry.version === 'string' && !poetryDynamic) {
    result.readings.push({
      source: `${file} [tool.poetry].version`,
      file,
      line: tomlKeyLine(text, 'tool.poetry', 'version'),
      ecosystem: 'python',
      value: poetry.version,
    });
  }
  if (poetryDynamic) result.dynamic = 'poetry-dynamic-versioning';

  const dynamicList = Array.isArray(project.dynamic) ? project.dynamic : [];
  if (dynamicList.includes('version')) {
    const setuptoolsDynamic = table(table(table(tool.setuptools).dynamic).version);
    const hatchVersion = table(table(tool.hatch).version);
    if (typeof setuptoolsDynamic.attr === 'string') {
      result.referencedModule = { module: setuptoolsDynamic.attr.replace(/\.__version__$|\.VERSION$|\.version$/, '') };
    } else if (typeof hatchVersion.path === 'string') {
      result.referencedModule = { path: hatchVersion.path };
    } else if (hatchVersion.source === 'vcs') {
      result.dynamic = 'hatch-vcs';
    } else if ('setuptools_scm' in tool || 'setuptools-scm' in tool) {
      result.dynamic = 'setuptools_scm';
    } else if ('pdm' in tool && table(table(tool.pdm).version).source === 'scm') {
      result.dynamic = 'pdm-backend scm';
    } else {
      result.dynamic = 'the build backend';
    }
  }
  return result;
}
