// The GA server's rules for an uploaded skill: SKILL.md in one top-level folder (of any name) or at the
// upload's root, name and description rules, the 30 MB limit. Written independently of src/skill so that
// the emulator checks the extension rather than agreeing with it.
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import { ApiFailure } from './failure';

export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

export interface UploadedFile {
  path: string;
  data: Buffer;
}

export interface CheckedUpload {
  name: string;
  description: string;
  /** Paths relative to the skill's folder (the top-level folder, if any, taken off). */
  files: UploadedFile[];
}

const NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const RESERVED_WORDS = ['anthropic', 'claude'];

const invalid = (message: string) => new ApiFailure(400, 'invalid_request_error', message);

/** A single `.zip` part stands for the files it holds. */
export async function expandZipUpload(files: UploadedFile[]): Promise<UploadedFile[]> {
  if (files.length !== 1 || !files[0].path.toLowerCase().endsWith('.zip')) return files;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(files[0].data);
  } catch {
    throw invalid('The uploaded zip file could not be read.');
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  return Promise.all(entries.map(async (entry) => ({ path: entry.name, data: await entry.async('nodebuffer') })));
}

export function tooLarge(total: number): ApiFailure {
  return new ApiFailure(
    413,
    'request_too_large',
    `Total size of uploaded files (${total} bytes) exceeds the maximum of 30 MB.`,
  );
}

export function checkUpload(files: UploadedFile[]): CheckedUpload {
  if (files.length === 0) throw invalid('files: Field required');
  const total = files.reduce((sum, f) => sum + f.data.length, 0);
  if (total > MAX_UPLOAD_BYTES) throw tooLarge(total);
  for (const file of files) {
    const parts = file.path.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..') || file.path.includes('\\')) {
      throw invalid(`Invalid file path '${file.path}'.`);
    }
  }
  // Either SKILL.md at the root, or every file in one top-level folder that holds SKILL.md.
  const atRoot = files.some((f) => f.path === 'SKILL.md');
  const tops = new Set(files.map((f) => (f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/')) : '')));
  if (!atRoot && (tops.size !== 1 || tops.has(''))) {
    throw invalid('SKILL.md must be at the top of the upload, or all files must be in one top-level folder.');
  }
  const prefix = atRoot ? '' : `${[...tops][0]}/`;
  const skillMd = files.find((f) => f.path === `${prefix}SKILL.md`);
  if (!skillMd) throw invalid('SKILL.md file must be exactly in the top-level folder.');
  const { name, description } = parseFrontmatter(skillMd.data.toString('utf8'));
  const relative = files.map((f) => ({ path: f.path.slice(prefix.length), data: f.data }));
  return { name, description, files: relative };
}

function parseFrontmatter(text: string): { name: string; description: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  if (!match) throw invalid('SKILL.md must start with YAML frontmatter between --- lines.');
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch {
    throw invalid('SKILL.md frontmatter is not valid YAML.');
  }
  if (typeof data !== 'object' || data === null) throw invalid('SKILL.md frontmatter must be a YAML mapping.');
  const { name, description } = data as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0) throw invalid("SKILL.md frontmatter must have a 'name'.");
  if (name.length > 64) throw invalid("'name' must be at most 64 characters.");
  if (/[<>]/.test(name)) throw invalid("'name' cannot contain XML tags.");
  if (!NAME_PATTERN.test(name)) {
    throw invalid(
      "'name' must contain only lowercase letters, numbers and single hyphens, and cannot start or end with a hyphen.",
    );
  }
  const reserved = RESERVED_WORDS.find((w) => name.includes(w));
  if (reserved) throw invalid(`'name' cannot contain the reserved word '${reserved}'.`);
  if (typeof description !== 'string' || description.trim().length === 0) {
    throw invalid("SKILL.md frontmatter must have a non-empty 'description'.");
  }
  // Counted as the API (Python) counts: code points.
  if ([...description].length > 1024) throw invalid("'description' must be at most 1024 characters.");
  if (/[<>]/.test(description)) throw invalid("'description' cannot contain XML tags.");
  return { name, description };
}
