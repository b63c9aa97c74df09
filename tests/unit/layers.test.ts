import { describe, expect, it } from 'vitest';
import { findLayerViolations, readProjectSources } from '../../scripts/layers';

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
    expect(violationsOf('electron/services/x.ts', "import { app } from 'electron';")).toEqual(['electron']);
    expect(violationsOf('electron/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(violationsOf('electron/db/x.ts', "import { VisitorService } from '../services/visitors';")).toEqual(['../services/visitors']);
    expect(violationsOf('electron/services/x.ts', "import { createDispatcher } from '../ipc/dispatch';")).toEqual(['../ipc/dispatch']);
    expect(violationsOf('electron/services/x.ts', "import { App } from '../../renderer/App';")).toEqual(['../../renderer/App']);
    expect(violationsOf('electron/services/x.ts', "import { insertStation } from '../db/repositories/station';")).toEqual([]);
  });

  it('finds no violation in the project itself', () => {
    const files = readProjectSources();
    expect(files.length).toBeGreaterThan(20);
    expect(findLayerViolations(files)).toEqual([]);
  });
});
