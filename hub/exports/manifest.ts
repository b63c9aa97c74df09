import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportCounts } from './export-runs';
import type { ExportPlatform } from './maps/column-map';

/** The manifest's file name in a run's folder, and its detached Ed25519 signature's. */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

/** The manifest's format: a reader refuses any other. */
export const MANIFEST_FORMAT = 'relay-hub-export/1';

/** One data file of a run. */
export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
  rows: number;
}

/** What a run wrote and from where: signed by the province, so a platform can check it came whole from the hub. */
export interface ExportManifest {
  format: typeof MANIFEST_FORMAT;
  province: string;
  runId: string;
  platform: ExportPlatform;
  mapVersion: string;
  /** `record_version.seq`: after `from`, up to and including `to`. */
  cursor: { from: number; to: number };
  counts: ExportCounts;
  files: ManifestFile[];
  createdAt: string;
  createdBy: string;
  /** SHA-256 of the province signing key's SubjectPublicKeyInfo DER, hex. */
  signingKeyId: string;
}

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest's bytes as written: indented JSON and a final line break. */
export function manifestBytes(manifest: ExportManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/** The signature file's bytes: the Ed25519 signature of the manifest's bytes, base64, and a line break. */
export function signManifest(bytes: Buffer, signingKey: KeyObject): Buffer {
  return Buffer.from(`${sign(null, bytes, signingKey).toString('base64')}\n`, 'utf8');
}

/** What checking a run's folder found. */
export interface ExportVerification {
  /** The signature verifies and every file the manifest names has its size and hash, with no file added. */
  valid: boolean;
  signature: boolean;
  files: { name: string; ok: boolean }[];
  /** Files in the folder the manifest does not name. */
  unexpected: string[];
  manifest: ExportManifest | null;
}

/**
 * Checks a run's folder with the province's signing public key (PEM): the manifest's signature, then each
 * file's size and SHA-256. The manifest is read only after its signature verified.
 */
export function verifyExportFolder(dir: string, signingPublicPem: string): ExportVerification {
  const publicKey = createPublicKey(signingPublicPem);
  const manifestPath = join(dir, MANIFEST_FILE);
  const signaturePath = join(dir, SIGNATURE_FILE);
  if (!existsSync(manifestPath) || !existsSync(signaturePath)) return { valid: false, signature: false, files: [], unexpected: [], manifest: null };
  const bytes = readFileSync(manifestPath);
  const signature = Buffer.from(readFileSync(signaturePath, 'utf8').trim(), 'base64');
  const signed = signature.length === 64 && verify(null, bytes, publicKey, signature);
  if (!signed) return { valid: false, signature: false, files: [], unexpected: [], manifest: null };
  const manifest = JSON.parse(bytes.toString('utf8')) as ExportManifest;
  if (manifest.format !== MANIFEST_FORMAT) return { valid: false, signature: true, files: [], unexpected: [], manifest };
  const files = manifest.files.map(({ name, sha256, bytes: size }) => {
    const path = join(dir, name);
    if (name.includes('/') || name.includes('\\') || !existsSync(path)) return { name, ok: false };
    const content = readFileSync(path);
    return { name, ok: content.length === size && sha256Hex(content) === sha256 };
  });
  const named = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((file) => file.name)]);
  const unexpected = readdirSync(dir).filter((name) => !named.has(name));
  return { valid: files.every((file) => file.ok) && unexpected.length === 0, signature: true, files, unexpected, manifest };
}
