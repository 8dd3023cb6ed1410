import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../shared/logger';
import { assertFileKey, assertFilePrefix, feed, FileNotFoundError, Meter, type FileStore, type StoredFile } from './file-store';

/**
 * Files under one folder (`<DATA_DIR>/files`), a key's segments as folders: 0o700 folders, 0o600 files. A put writes
 * a temp file beside its target (`.<name>.<random>.partial`, a name no key can have), fsyncs it, renames it into
 * place and fsyncs the folder, so a key holds the old file or the whole new one, also after a crash.
 */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk';
  private readonly root: string;

  constructor(
    root: string,
    private readonly logger?: Logger,
  ) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: NodeJS.ReadableStream | Readable, options: { maxBytes: number; contentType?: string }): Promise<StoredFile> {
    const target = this.path(key);
    const meter = new Meter(options.maxBytes);
    const folder = path.dirname(target);
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.partial`);
    const release = feed(body, meter);
    try {
      await pipeline(meter, createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }));
      await fs.rename(temp, target);
    } catch (error) {
      await fs
        .rm(temp, { force: true })
        .catch((removal: unknown) => this.logger?.warn('files: a partial file could not be removed', { file: temp, error: String(removal) }));
      throw error;
    } finally {
      release();
    }
    await syncFolder(folder);
    return meter.stored(key);
  }

  async open(key: string): Promise<Readable> {
    const file = this.path(key);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if (absent(error)) throw new FileNotFoundError(`no file under ${key}`);
      throw error;
    }
    // a key that names a folder (`attachments` beside `attachments/<uuid>`) holds no file
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new FileNotFoundError(`no file under ${key}`);
    }
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    const file = this.path(key);
    try {
      await fs.unlink(file);
    } catch (error) {
      if (!absent(error) && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertFilePrefix(prefix);
    // only the folder the prefix names, not the whole store: `attachments/` walks `<root>/attachments`
    const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const keys: string[] = [];
    await walk(path.join(this.root, ...folder.split('/').filter(Boolean)), folder, keys);
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  async check(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
    const probe = path.join(this.root, `.check-${randomBytes(8).toString('hex')}`);
    await fs.writeFile(probe, '', { flag: 'wx', mode: 0o600 });
    await fs.unlink(probe);
  }

  /** The key's file, inside the root by the key's rules and checked once more. */
  private path(key: string): string {
    assertFileKey(key);
    const file = path.join(this.root, ...key.split('/'));
    if (!file.startsWith(this.root + path.sep)) throw new Error(`file key ${key} resolves outside ${this.root}`);
    return file;
  }

  /** Nothing held open between calls. */
  close(): void {}
}

/** Keys of the files under folder (itself the key prefix `under`); dot entries (temp files, probes) are not files. */
async function walk(folder: string, under: string, keys: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (absent(error)) return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${under}${entry.name}/`, keys);
    else if (entry.isFile()) keys.push(under + entry.name);
  }
}

/** A rename is durable once its folder is synced. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const absent = (error: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
