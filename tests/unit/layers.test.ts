import { describe, expect, it } from 'vitest';
import { CHECKED_FOLDERS, findImportCycles, findLayerViolations, readProjectSources } from '../../scripts/layers';

function violationsOf(path: string, source: string) {
  return findLayerViolations([{ path, source }]).map((v) => v.specifier);
}

describe('layer rules', () => {
  it('keeps shared/ free of Node, Electron, React and storage code', () => {
    expect(violationsOf('shared/domain/x.ts', "import { readFileSync } from 'node:fs';")).toEqual(['node:fs']);
    expect(violationsOf('shared/domain/x.ts', "import path from 'path';")).toEqual(['path']);
    expect(violationsOf('shared/domain/x.ts', "import { app } from 'electron';")).toEqual(['electron']);
    expect(violationsOf('shared/domain/x.ts', "import React from 'react';")).toEqual(['react']);
    expect(violationsOf('shared/domain/x.ts', "import { openDatabaseFile } from '../../electron/db/connection';")).toEqual([
      '../../electron/db/connection',
    ]);
    expect(violationsOf('shared/domain/x.ts', "import { z } from 'zod';\nimport { a } from './a';")).toEqual([]);
  });

  it('keeps the renderer away from the main process, Node and storage packages', () => {
    expect(violationsOf('renderer/screens/A/A.tsx', "import Database from 'better-sqlite3';")).toEqual(['better-sqlite3']);
    expect(violationsOf('renderer/screens/A/A.tsx', "import { Kysely } from 'kysely';")).toEqual(['kysely']);
    expect(violationsOf('renderer/screens/A/A.tsx', "import PDFDocument from 'pdfkit';")).toEqual(['pdfkit']);
    expect(violationsOf('renderer/screens/A/A.tsx', "const fs = require('fs');")).toEqual(['fs']);
    expect(violationsOf('renderer/screens/A/A.tsx', "import { x } from '../../../electron/services/visitors';")).toEqual([
      '../../../electron/services/visitors',
    ]);
    expect(violationsOf('renderer/screens/A/A.tsx', "const m = await import('node:os');")).toEqual(['node:os']);
    expect(violationsOf('renderer/screens/A/A.tsx', "import { call } from '../../api/client';\nimport { contract } from '../../../shared/contract/calls';")).toEqual([]);
  });

  it("lets only the Electron shell import 'electron' and keeps arrows pointing down", () => {
    expect(violationsOf('electron/services/kernel/x.ts', "import { app } from 'electron';")).toEqual(['electron']);
    expect(violationsOf('electron/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(violationsOf('electron/db/x.ts', "import { VisitorService } from '../services/memorial/visitors';")).toEqual(['../services/memorial/visitors']);
    expect(violationsOf('electron/services/kernel/x.ts', "import { createDispatcher } from '../../ipc/dispatch';")).toEqual(['../../ipc/dispatch']);
    expect(violationsOf('electron/services/kernel/x.ts', "import { App } from '../../../renderer/App';")).toEqual(['../../../renderer/App']);
    expect(violationsOf('electron/services/kernel/x.ts', "import { insertStation } from '../../db/repositories/station';")).toEqual([]);
  });

  it('lets a service area import only the kernel, itself and the areas its table entry names', () => {
    // Declared links pass: every area reaches the kernel; documents open the registration they are about.
    expect(violationsOf('electron/services/memorial/visitors.ts', "import { AuditTrail } from '../kernel/audit';\nimport { x } from './visitor-messages';")).toEqual([]);
    expect(violationsOf('electron/services/documents/documents.ts', "import { openPersonal } from '../registration/person-registry';")).toEqual([]);
    // An undeclared link fails, in either direction of a declared one.
    expect(violationsOf('electron/services/memorial/visitors.ts', "import { BackupService } from '../backup/backup';")).toEqual(['../backup/backup']);
    expect(violationsOf('electron/services/registration/registrations.ts', "import type { DocumentService } from '../documents/documents';")).toEqual([
      '../documents/documents',
    ]);
    // The kernel imports no area; only the composition root imports the list of areas.
    expect(violationsOf('electron/services/kernel/audit.ts', "import { PersonRegistry } from '../registration/person-registry';")).toEqual([
      '../registration/person-registry',
    ]);
    expect(violationsOf('electron/services/sync/sync-acks.ts', "import type { StationServices } from '../index';")).toEqual(['../index']);
    expect(violationsOf('electron/services/index.ts', "import { createSyncServices } from './sync/index';")).toEqual([]);
    // A service outside an area folder, or in an area nobody declared, fails.
    expect(violationsOf('electron/services/loose.ts', "import { Clock } from './kernel/clock';")).toEqual(['./kernel/clock']);
    expect(violationsOf('electron/services/care/families.ts', "import { Clock } from '../kernel/clock';")).toEqual(['../kernel/clock']);
  });

  it('keeps each screen folder to itself: what several screens share lives in components/ or hooks/', () => {
    // A component, a stylesheet or a type of another screen: each is refused.
    expect(violationsOf('renderer/screens/Documents/VoidForm.tsx', "import { ActionForm } from '../Records/ActionForm';")).toEqual(['../Records/ActionForm']);
    expect(violationsOf('renderer/screens/Dashboard/DashboardScreen.tsx', "import '../Figures/figures.css';")).toEqual(['../Figures/figures.css']);
    expect(violationsOf('renderer/screens/Settings/SettingsScreen.tsx', "import type { SyncStatus } from '../Sync/types';")).toEqual(['../Sync/types']);
    expect(violationsOf('renderer/screens/Sessions/A.tsx', "import { x } from '../../screens/Records/RevealValue';")).toEqual(['../../screens/Records/RevealValue']);
    // The shared parts may not reach back into a screen; only the app shell assembles the screens.
    expect(violationsOf('renderer/components/ActionForm.tsx', "import { StateBadge } from '../screens/Records/StateBadge';")).toEqual(['../screens/Records/StateBadge']);
    expect(violationsOf('renderer/hooks/useX.ts', "import type { Figures } from '../screens/Figures/types';")).toEqual(['../screens/Figures/types']);
    expect(violationsOf('renderer/App.tsx', "import { RecordsScreen } from './screens/Records/RecordsScreen';")).toEqual([]);
    expect(
      violationsOf(
        'renderer/screens/Documents/VoidForm.tsx',
        "import { ActionForm } from '../../components/ActionForm';\nimport { useFiguresFormat } from '../../hooks/useFiguresFormat';\nimport type { DocumentView } from './types';\nimport './documents.css';",
      ),
    ).toEqual([]);
  });

  it('lets the hub share only the wire format, the signing primitives and shared/ with the station, which never imports it', () => {
    expect(violationsOf('hub/http/faults.ts', "import { createRandom } from '../../electron/cli/fake-people';")).toEqual(['../../electron/cli/fake-people']);
    expect(violationsOf('hub/ingest/x.ts', "import { App } from '../../renderer/App';")).toEqual(['../../renderer/App']);
    expect(violationsOf('hub/ingest/x.ts', "import { app } from 'electron';")).toEqual(['electron']);
    expect(violationsOf('electron/sync/x.ts', "import { ingestBatchFile } from '../../hub/ingest/ingest-batch';")).toEqual(['../../hub/ingest/ingest-batch']);
    expect(
      violationsOf(
        'hub/ingest/ingest-batch.ts',
        "import { createHash } from 'node:crypto';\nimport { readBatch } from '../../electron/sync/batch-file';\nimport { x } from '../../electron/security/field-cipher';\nimport { y } from '../../shared/domain/sync';\nimport { z } from './deployment-rules';",
      ),
    ).toEqual([]);
  });

  it('lets the hub store through kysely on SQLite and PostgreSQL, and reach nothing of the tests', () => {
    expect(violationsOf('hub/db/x.ts', "import { StationServices } from '../../electron/services/index';")).toEqual(['../../electron/services/index']);
    expect(violationsOf('hub/db/x.ts', "import { openDatabaseFile } from '../../electron/db/connection';")).toEqual(['../../electron/db/connection']);
    expect(violationsOf('hub/db/x.ts', "import { x } from '../../tests/fixtures/test-hub';")).toEqual(['../../tests/fixtures/test-hub']);
    expect(violationsOf('hub/db/x.ts', "import { createRoot } from 'react-dom/client';")).toEqual(['react-dom/client']);
    expect(violationsOf('hub/db/x.ts', "import { app } from 'electron';")).toEqual(['electron']);
    expect(
      violationsOf(
        'hub/db/x.ts',
        "import pg from 'pg';\nimport { Kysely } from 'kysely';\nimport Database from 'better-sqlite3';\nimport { createHash } from 'node:crypto';\nimport { readBatch } from '../../electron/sync/batch-file';\nimport type { StationKind } from '../../shared/domain/station';",
      ),
    ).toEqual([]);
  });

  it('lets benchmarks drive the station and scripts build it, and neither reach into the renderer or the tests', () => {
    expect(violationsOf('bench/x.ts', "import { App } from '../renderer/App';")).toEqual(['../renderer/App']);
    expect(violationsOf('bench/x.ts', "import { openTempStation } from '../tests/fixtures/temp-station';")).toEqual(['../tests/fixtures/temp-station']);
    expect(violationsOf('bench/x.ts', "import { findLayerViolations } from '../scripts/layers';")).toEqual(['../scripts/layers']);
    expect(violationsOf('bench/x.ts', "import { app } from 'electron';")).toEqual(['electron']);
    expect(
      violationsOf('bench/x.ts', "import { openStation } from '../electron/app/open-station';\nimport { fontPaths } from '../scripts/copy-fonts';\nimport { readFileSync } from 'node:fs';"),
    ).toEqual([]);
    expect(violationsOf('scripts/x.ts', "import { App } from '../renderer/App';")).toEqual(['../renderer/App']);
    expect(violationsOf('scripts/x.ts', "import { run } from '../bench/run';")).toEqual(['../bench/run']);
    expect(violationsOf('scripts/x.ts', "import { runHost } from '../electron/host/run';\nimport { spawn } from 'node:child_process';")).toEqual([]);
  });

  it('finds every import cycle and names its files, type-only imports included', () => {
    const files = [
      { path: 'electron/ipc/handlers.ts', source: "import { staffHandlers } from './staff-handlers';" },
      { path: 'electron/ipc/staff-handlers.ts', source: "import { sign } from './sign';" },
      { path: 'electron/ipc/sign/index.ts', source: "import type { AreaHandlers } from '../handlers';" },
      // Outside the cycle: it imports into it, but nothing in it imports this file.
      { path: 'electron/ipc/register.ts', source: "import { staffHandlers } from './staff-handlers';" },
      // A screen and a component that import each other form a second cycle.
      { path: 'renderer/screens/A/A.tsx', source: "import { B } from '../../components/B';" },
      { path: 'renderer/components/B.tsx', source: "import { A } from '../screens/A/A';" },
      // A file importing itself is no cycle between files.
      { path: 'shared/domain/self.ts', source: "export * from './self';" },
    ];
    expect(findImportCycles(files)).toEqual([
      ['electron/ipc/handlers.ts', 'electron/ipc/sign/index.ts', 'electron/ipc/staff-handlers.ts'],
      ['renderer/components/B.tsx', 'renderer/screens/A/A.tsx'],
    ]);
    expect(findImportCycles(files.filter((file) => file.path !== 'electron/ipc/sign/index.ts' && file.path !== 'renderer/components/B.tsx'))).toEqual([]);
  });

  it('finds no violation and no import cycle in the project itself, the hub, benchmarks and scripts included', () => {
    const files = readProjectSources();
    expect(files.length).toBeGreaterThan(20);
    for (const folder of CHECKED_FOLDERS) {
      expect(files.some((file) => file.path.startsWith(`${folder}/`))).toBe(true);
    }
    expect(findLayerViolations(files)).toEqual([]);
    expect(findImportCycles(files)).toEqual([]);
  });
});
